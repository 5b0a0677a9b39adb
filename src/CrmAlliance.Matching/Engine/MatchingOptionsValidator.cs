using Microsoft.Extensions.Options;

namespace CrmAlliance.Matching.Engine;

/// <summary>Refuses matching options that would make scores meaningless; register with <c>ValidateOnStart</c>.</summary>
public sealed class MatchingOptionsValidator : IValidateOptions<MatchingOptions>
{
    public const int MaxTopN = 1000;

    public ValidateOptionsResult Validate(string? name, MatchingOptions options)
    {
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Errors(MatchingOptions o)
    {
        if (o.TopN is < 1 or > MaxTopN)
        {
            yield return $"Matching:TopN must be 1 to {MaxTopN}, not {o.TopN}.";
        }

        foreach (var (name, value) in new[]
                 {
                     ("MinimumScore", o.MinimumScore), ("SameMajorGroupScore", o.SameMajorGroupScore),
                     ("SameSubMajorGroupScore", o.SameSubMajorGroupScore), ("SameMinorGroupScore", o.SameMinorGroupScore),
                     ("SameUnitGroupScore", o.SameUnitGroupScore), ("SameFiveDigitScore", o.SameFiveDigitScore),
                     ("SameSixDigitScore", o.SameSixDigitScore), ("UnknownDistanceScore", o.UnknownDistanceScore),
                 })
        {
            if (!(value is >= 0 and <= 1))
            {
                yield return $"Matching:{name} must be between 0 and 1, not {value}.";
            }
        }

        var weights = new[] { ("OccupationWeight", o.OccupationWeight), ("SkillsWeight", o.SkillsWeight), ("DistanceWeight", o.DistanceWeight), ("AvailabilityWeight", o.AvailabilityWeight) };
        var invalidWeights = weights.Where(w => !(w.Item2 >= 0 && double.IsFinite(w.Item2))).ToList();
        foreach (var (name, value) in invalidWeights)
        {
            yield return $"Matching:{name} must be 0 or more, not {value}.";
        }

        if (invalidWeights.Count == 0 && !(weights.Sum(w => w.Item2) > 0))
        {
            yield return "Matching: at least one of the weights must be above 0.";
        }

        if (!(o.FullDistanceScoreWithinKm >= 0 && o.ZeroDistanceScoreFromKm > o.FullDistanceScoreWithinKm && double.IsFinite(o.ZeroDistanceScoreFromKm)))
        {
            yield return $"Matching:FullDistanceScoreWithinKm ({o.FullDistanceScoreWithinKm}) must be 0 or more and below ZeroDistanceScoreFromKm ({o.ZeroDistanceScoreFromKm}).";
        }

        if (o.ZeroAvailabilityScoreAfterDays < 1)
        {
            yield return $"Matching:ZeroAvailabilityScoreAfterDays must be 1 or more, not {o.ZeroAvailabilityScoreAfterDays}.";
        }

        foreach (var (offerKind, groups) in o.EligibleTargetGroups)
        {
            if (!DomainNames.OfferKinds.Contains(offerKind, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"Matching:EligibleTargetGroups:{offerKind} is not an offer kind ({string.Join(", ", DomainNames.OfferKinds)}).";
            }

            foreach (var group in groups.Where(g => !DomainNames.TargetGroups.Contains(g, StringComparer.OrdinalIgnoreCase)))
            {
                yield return $"Matching:EligibleTargetGroups:{offerKind} names '{group}', which is not a target group ({string.Join(", ", DomainNames.TargetGroups)}).";
            }
        }
    }
}
