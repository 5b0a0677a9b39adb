using CrmAlliance.Contracts;
using CrmAlliance.Contracts.Snapshots;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Matching.Engine;

/// <summary>
/// The reference matcher: scores every candidate of a plain list, straight from the profiles' strings, with the
/// same formula as <see cref="MatchingEngine"/>, and sorts. Slow by design; tests and benchmarks compare the engine
/// with it. The list holds one profile per candidate (the current one).
/// </summary>
public sealed class BruteForceMatcher
{
    private readonly List<(CandidateProfile Profile, List<string> Occupations, HashSet<string> Skills)> _candidates;
    private readonly PostcodeCentres _centres;
    private readonly MatchScoring _scoring;
    private readonly TargetGroupEligibility _eligibility;

    public BruteForceMatcher(IEnumerable<CandidateProfile> candidates, IOptions<MatchingOptions> options, PostcodeCentres centres)
    {
        _candidates = candidates
            .Select(c => (c, ProfileText.Occupations(c.SoughtOccupations), new HashSet<string>(ProfileText.Skills(c.Skills), StringComparer.OrdinalIgnoreCase)))
            .ToList();
        _centres = centres;
        _scoring = new MatchScoring(options.Value);
        _eligibility = new TargetGroupEligibility(options.Value);
    }

    public IReadOnlyList<CandidateMatch> Match(VacancyProfile vacancy)
    {
        var code = ProfileText.Trimmed(vacancy.OccupationCode);
        var required = ProfileText.Skills(vacancy.RequiredSkills);
        var workplace = ProfileText.Trimmed(vacancy.WorkplacePostcode);
        var scored = new List<(double Score, CandidateProfile Candidate, MatchFacts Facts)>();
        foreach (var (candidate, occupations, skills) in _candidates)
        {
            var busyUntil = candidate.BusyPeriods is { Count: > 0 } busy ? busy.Max(p => p.To.DayNumber) : CandidateIndex.NotBusy;
            if (!_eligibility.IsEligible(vacancy.OfferKind, candidate.TargetGroup) || MatchScoring.IsBusy(busyUntil, vacancy.StartDate.DayNumber))
            {
                continue;
            }

            var level = occupations.Select(o => DiscoCodes.SharedLevel(code, o)).DefaultIfEmpty(0).Max();
            var matched = required.Count(skills.Contains);
            var postcode = ProfileText.Trimmed(candidate.Postcode);
            var km = _centres.DistanceKm(workplace, postcode);
            var score = _scoring.Total(
                _scoring.Occupation(level),
                MatchScoring.Skills(matched, required.Count),
                _scoring.Distance(km),
                _scoring.Availability(candidate.AvailableFrom.DayNumber - vacancy.StartDate.DayNumber));
            if (score >= _scoring.MinimumScore)
            {
                var facts = new MatchFacts(code, level, matched, required.Count, workplace, _centres.Contains(workplace), postcode, km, candidate.AvailableFrom, vacancy.StartDate);
                scored.Add((score, candidate, facts));
            }
        }

        return scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Candidate.CandidateId)
            .Take(_scoring.TopN)
            .Select(s => new CandidateMatch(s.Candidate.CandidateId, s.Score, MatchScoring.Explain(s.Facts), s.Facts.ToReasons()))
            .ToList();
    }
}
