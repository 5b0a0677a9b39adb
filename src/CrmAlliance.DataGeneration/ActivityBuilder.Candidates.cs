using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Demo;

namespace CrmAlliance.DataGeneration;

public sealed partial class ActivityBuilder
{
    private static readonly string[] EverydayOccupations = SyntheticVocabulary.Occupations.Keys.Where(code => code[0] != '2').Order(StringComparer.Ordinal).ToArray();
    private static readonly int[] AliasDigits = [4, 6, 8, 12];

    private readonly HashSet<long> aliases = [];
    private readonly Dictionary<int, int> caseNumbers = [];

    /// <summary>Who is placed: often someone from the pool who has had a placement before, else a new candidate (made when written).</summary>
    private CandidateChoice ChooseCandidate(TargetGroup group, OfferKind kind, ActivityBucket bucket)
    {
        var needsNoHigherEducation = kind == OfferKind.AdultApprenticeship;
        if (random.Chance(CandidateReuse)
            && pool.TakeFree(group, bucket.First, bucket.Last.AddDays(PlacementSpans.For(kind)), needsNoHigherEducation, random) is { } index)
        {
            Statistics.ReusedCandidates++;
            var pooled = pool[index];
            return new CandidateChoice(index, pooled.Group, pooled.Education, pooled.HasWorkExperience);
        }

        var (education, experienced) = SyntheticDistributions.EducationOf(group, random);
        if (needsNoHigherEducation && education > EducationLevel.UpperSecondary)
        {
            // Adult apprenticeships are for adults without a vocational or higher education.
            education = random.Chance(0.5) ? EducationLevel.Primary : EducationLevel.UpperSecondary;
        }

        return new CandidateChoice(null, group, education, experienced);
    }

    /// <summary>Writes a new candidate who registered some weeks before the placement and leaves the pool some time after it.</summary>
    private async Task<int> NewCandidateAsync(CandidateChoice choice, string occupation, PlannedPlacement planned, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var created = Min(planned.Start.AddDays(-random.Between(0, 120)), planned.Created.AddDays(-1));
        var createdAt = time.OfficeTime(created, random);
        var id = random.NewId(createdAt);
        var leavesOn = lastDay.AddDays(14 + (int)random.Exponential(600));
        var withdrawn = leavesOn <= options.Until;
        var withdrawnAt = withdrawn ? time.OfficeTime(leavesOn, random) : (DateTimeOffset?)null;
        var group = choice.Group;
        var sought = new List<string> { occupation };
        var others = group == TargetGroup.NewGraduate ? DemoVocabulary.GraduateOccupations : EverydayOccupations;
        for (var i = random.Between(0, 2); i > 0; i--)
        {
            var other = random.Pick(others);
            if (!sought.Contains(other))
            {
                sought.Add(other);
            }
        }

        var skills = sought.SelectMany(code => SyntheticVocabulary.Occupations[code].Skills.Where(_ => random.Chance(0.5)))
            .Concat(random.Chance(0.5) ? ["kørekort B"] : [])
            .Concat(random.Chance(0.3) ? ["engelsk"] : [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var lastEmployer = group is TargetGroup.InsuredUnemployed or TargetGroup.JobReadySocialAssistance or TargetGroup.SicknessBenefit && random.Chance(0.5)
            ? FormerEmployerCvr()
            : null;
        var candidate = SeedRows.Blank<Candidate>();
        candidate.Id = id;
        candidate.CaseReference = CaseReference(createdAt.Year);
        candidate.DisplayAlias = Alias(id);
        candidate.TargetGroup = group;
        candidate.SoughtOccupations = sought;
        candidate.Skills = skills;
        candidate.EducationLevel = choice.Education;
        candidate.HasWorkExperience = choice.HasWorkExperience;
        candidate.Postcode = random.Pick(DemoVocabulary.CandidatePostcodes);
        candidate.AvailableFrom = random.DayBetween(created, planned.Start);
        candidate.LastEmployerCvr = lastEmployer;
        candidate.CreatedAt = createdAt;
        candidate.UpdatedAt = withdrawnAt ?? createdAt;
        candidate.WithdrawnAt = withdrawnAt;
        candidate.WithdrawalReason = withdrawn ? random.Pick(SyntheticVocabulary.WithdrawalReasons) : null;
        candidate.Version = withdrawn ? 2 : 1;
        await sink.AddAsync(candidate, cancellationToken);
        Statistics.Candidates++;
        return pool.Add(new PooledCandidate(id, group, choice.Education, choice.HasWorkExperience, leavesOn, lastEmployer));
    }

    /// <summary>Case-system references like the jobcenter's own (year and running number), marked SYN; never anything CPR-shaped.</summary>
    private string CaseReference(int year)
    {
        var number = caseNumbers.TryGetValue(year, out var last) ? last + 1 : 1;
        caseNumbers[year] = number;
        return $"SYN-{year}-{number:D6}";
    }

    /// <summary>As <see cref="CandidateAliases"/> gives them: four hex digits of the id, more when those are taken.</summary>
    private string Alias(Guid id)
    {
        var hex = id.ToString("N");
        foreach (var digits in AliasDigits)
        {
            var key = ((long)digits << 48) | Convert.ToInt64(hex[^digits..], 16);
            if (aliases.Add(key))
            {
                return CandidateValidation.DisplayAlias(id, digits);
            }
        }

        return CandidateValidation.DisplayAlias(id, 32);
    }

    /// <summary>A valid CVR number that is none of the generated companies': no internship is ever at a candidate's last employer.</summary>
    private string FormerEmployerCvr() => SampleCompanyBuilder.NewCvr(random.Stream, cvr => !companyCvrs.Contains(cvr));

    /// <summary>The candidate for a placement: from the pool (<see cref="PoolIndex"/>) or to be created with these attributes.</summary>
    private sealed record CandidateChoice(int? PoolIndex, TargetGroup Group, EducationLevel Education, bool HasWorkExperience);
}
