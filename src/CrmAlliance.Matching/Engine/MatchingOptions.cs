namespace CrmAlliance.Matching.Engine;

/// <summary>
/// How candidates are scored for a vacancy; bound from the configuration section <c>"Matching"</c>.
/// <para>
/// A candidate's score (0 to 1, rounded to 4 decimals) is the weighted mean of four parts, each 0 to 1:
/// <c>(OccupationWeight·O + SkillsWeight·S + DistanceWeight·D + AvailabilityWeight·A) / (sum of the weights)</c>.
/// </para>
/// <list type="bullet">
/// <item><b>O, occupation</b>: the DISCO-08 digits the vacancy's code shares from the start with the closest of the
/// candidate's sought occupations (best over all of them): 6 → <see cref="SameSixDigitScore"/>, 5 →
/// <see cref="SameFiveDigitScore"/>, 4 (the unit group) → <see cref="SameUnitGroupScore"/>, 3 →
/// <see cref="SameMinorGroupScore"/>, 2 → <see cref="SameSubMajorGroupScore"/>, 1 → <see cref="SameMajorGroupScore"/>, none → 0.</item>
/// <item><b>S, skills</b>: the share of the vacancy's required skills the candidate has (trimmed, case-insensitive);
/// 1 when the vacancy requires none.</item>
/// <item><b>D, distance</b> between the postcode centres of the workplace and the candidate: 1 up to
/// <see cref="FullDistanceScoreWithinKm"/>, falling linearly to 0 at <see cref="ZeroDistanceScoreFromKm"/>;
/// <see cref="UnknownDistanceScore"/> when either postcode is not in the centres list.</item>
/// <item><b>A, availability</b>: 1 when the candidate is available on or before the vacancy's start date, falling
/// linearly to 0 at <see cref="ZeroAvailabilityScoreAfterDays"/> days later.</item>
/// </list>
/// Candidates whose target group may not take the vacancy's offer kind (<see cref="EligibleTargetGroups"/>) are left
/// out, not scored low; so are candidates scoring below <see cref="MinimumScore"/>.
/// </summary>
public sealed class MatchingOptions
{
    public const string SectionName = "Matching";

    /// <summary>How many candidates a vacancy's match holds at most, best first. Default 20.</summary>
    public int TopN { get; set; } = 20;

    /// <summary>
    /// Candidates scoring below this are not proposed. Default 0.35: with the default weights a candidate sharing
    /// no occupation group and none of the skills scores at most 0.30, so such a candidate is never proposed.
    /// </summary>
    public double MinimumScore { get; set; } = 0.35;

    /// <summary>Weight of the occupation part. Default 0.40.</summary>
    public double OccupationWeight { get; set; } = 0.40;

    /// <summary>Weight of the skills part. Default 0.30.</summary>
    public double SkillsWeight { get; set; } = 0.30;

    /// <summary>Weight of the distance part. Default 0.15.</summary>
    public double DistanceWeight { get; set; } = 0.15;

    /// <summary>Weight of the availability part. Default 0.15.</summary>
    public double AvailabilityWeight { get; set; } = 0.15;

    /// <summary>Occupation part when the codes share only the first digit (major group, e.g. 5). Default 0.15.</summary>
    public double SameMajorGroupScore { get; set; } = 0.15;

    /// <summary>Occupation part when the codes share two digits (sub-major group, e.g. 52). Default 0.35.</summary>
    public double SameSubMajorGroupScore { get; set; } = 0.35;

    /// <summary>Occupation part when the codes share three digits (minor group, e.g. 522). Default 0.60.</summary>
    public double SameMinorGroupScore { get; set; } = 0.60;

    /// <summary>Occupation part when the codes share four digits (unit group, e.g. 5223). Default 0.90.</summary>
    public double SameUnitGroupScore { get; set; } = 0.90;

    /// <summary>Occupation part when both codes have five or more digits and share five. Default 0.95.</summary>
    public double SameFiveDigitScore { get; set; } = 0.95;

    /// <summary>Occupation part when both codes have six digits and are equal (the same DISCO-08 occupation). Default 1.</summary>
    public double SameSixDigitScore { get; set; } = 1.0;

    /// <summary>Distances up to this many kilometres score the full distance part. Default 10 km.</summary>
    public double FullDistanceScoreWithinKm { get; set; } = 10;

    /// <summary>From this many kilometres on the distance part is 0. Default 80 km.</summary>
    public double ZeroDistanceScoreFromKm { get; set; } = 80;

    /// <summary>
    /// Distance part when the workplace's or the candidate's postcode has no known centre: neutral, neither
    /// rewarded nor punished much. Default 0.5.
    /// </summary>
    public double UnknownDistanceScore { get; set; } = 0.5;

    /// <summary>A candidate available this many days or more after the start date scores 0 on availability. Default 90.</summary>
    public int ZeroAvailabilityScoreAfterDays { get; set; } = 90;

    /// <summary>
    /// Offer kind → the only target groups that may take it; an offer kind not listed is open to every group.
    /// The default mirrors what the core enforces when a placement is proposed: a flex job only for flex-job
    /// seekers (<c>src/CrmAlliance.Api/Features/Placements/Rules/FlexJobEligibilityRule.cs</c>). Matching must not
    /// be stricter than the core (a consultant would never see a candidate the rules allow) nor looser (it would
    /// propose placements the core refuses).
    /// Configuration adds to this default (the binder appends to lists); it cannot lift the flex-job restriction.
    /// </summary>
    public Dictionary<string, List<string>> EligibleTargetGroups { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FlexJob"] = ["FlexJobSeeker"],
    };
}
