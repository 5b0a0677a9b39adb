using CrmAlliance.Api.Features.Candidates;

namespace CrmAlliance.Api.Features.Demo;

public sealed partial class DemoDataBuilder
{
    /// <summary>About 200 candidates, spread over the target groups roughly as the jobcenter's caseload is.</summary>
    private static readonly (TargetGroup Group, int Count)[] CandidateGroups =
    [
        (TargetGroup.InsuredUnemployed, 40),
        (TargetGroup.JobReadySocialAssistance, 30),
        (TargetGroup.ActivityReadySocialAssistance, 30),
        (TargetGroup.EducationBenefit, 20),
        (TargetGroup.SicknessBenefit, 15),
        (TargetGroup.FlexJobSeeker, 20),
        (TargetGroup.ResourceProgramme, 15),
        (TargetGroup.Integration, 15),
        (TargetGroup.NewGraduate, 15),
    ];

    private List<Candidate> BuildCandidates(List<DemoCompany> companies)
    {
        var groups = CandidateGroups.SelectMany(g => Enumerable.Repeat(g.Group, g.Count)).ToArray();
        _random.Shuffle(groups);
        var aliases = new HashSet<string>();
        var everydayOccupations = DemoVocabulary.Occupations.Keys.Where(code => code[0] != '2').ToList();
        var formerEmployers = companies.Where(c => c.HasHistory).Select(c => c.Company.Cvr).ToList();
        var candidates = groups.Select(group =>
        {
            var (education, experienced) = EducationOf(group);
            var sought = group == TargetGroup.NewGraduate
                ? DemoVocabulary.GraduateOccupations.OrderBy(_ => _random.Next()).Take(Between(1, 2)).ToList()
                : everydayOccupations.OrderBy(_ => _random.Next()).Take(Between(1, 3)).ToList();
            var skills = sought.SelectMany(code => DemoVocabulary.Occupations[code].Skills.Where(_ => Chance(0.5)))
                .Concat(Chance(0.5) ? ["kørekort B"] : [])
                .Concat(Chance(0.3) ? ["engelsk"] : [])
                .Distinct().ToList();
            var availableFrom = Chance(0.9) ? DayBetween(_start, _today.AddDays(-1)) : _today.AddDays(Between(1, 60));
            string alias;
            do
            {
                alias = $"Kandidat {_random.Next(0x1000, 0x10000):X4}";
            }
            while (!aliases.Add(alias));

            return new Candidate
            {
                CaseReference = "",
                DisplayAlias = alias,
                TargetGroup = group,
                SoughtOccupations = sought,
                Skills = skills,
                EducationLevel = education,
                HasWorkExperience = experienced,
                Postcode = Pick(DemoVocabulary.CandidatePostcodes),
                AvailableFrom = availableFrom,
                LastEmployerCvr = group is TargetGroup.InsuredUnemployed or TargetGroup.JobReadySocialAssistance or TargetGroup.SicknessBenefit && Chance(0.5)
                    ? Chance(0.3) ? Pick(formerEmployers) : NewCvr()
                    : null,
                CreatedAt = At(availableFrom > _today ? _today.AddDays(-Between(1, 20)) : Max(_start.AddDays(-30), availableFrom.AddDays(-Between(0, 45)))),
            };
        }).OrderBy(c => c.CreatedAt).ToList();
        candidates.ForEach(c => c.UpdatedAt = c.CreatedAt);

        // Case-system references like the jobcenter's own: year and a running number, never anything CPR-shaped.
        var numbers = new Dictionary<int, int>();
        foreach (var candidate in candidates)
        {
            var year = candidate.CreatedAt.Year;
            numbers[year] = (numbers.TryGetValue(year, out var last) ? last : Between(10, 60)) + Between(1, 25);
            candidate.CaseReference = $"SAG-{year}-{numbers[year]:D5}";
        }

        return candidates;
    }

    private (EducationLevel Level, bool HasWorkExperience) EducationOf(TargetGroup group) => group switch
    {
        TargetGroup.NewGraduate => (Weighted((EducationLevel.Bachelor, 40), (EducationLevel.MasterOrHigher, 40), (EducationLevel.ShortCycleHigher, 20)), Chance(0.5)),
        TargetGroup.EducationBenefit => (Weighted((EducationLevel.Primary, 60), (EducationLevel.UpperSecondary, 40)), Chance(0.3)),
        TargetGroup.Integration => (Weighted((EducationLevel.Primary, 40), (EducationLevel.UpperSecondary, 20), (EducationLevel.Vocational, 20), (EducationLevel.Bachelor, 20)), Chance(0.5)),
        _ => (Weighted((EducationLevel.Primary, 25), (EducationLevel.UpperSecondary, 15), (EducationLevel.Vocational, 40), (EducationLevel.ShortCycleHigher, 10), (EducationLevel.Bachelor, 10)), Chance(0.9)),
    };
}
