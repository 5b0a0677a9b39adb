namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>
/// The names refusals carry in <c>extensions.rule</c>. The three a consultant may be exempted from are
/// the names of <see cref="PlacementRule"/>, so a client can offer the exemption for the rule that refused.
/// </summary>
public static class PlacementRuleNames
{
    public const string Ratio = nameof(PlacementRule.RatioRule);
    public const string AdditionalEmployment = nameof(PlacementRule.AdditionalEmployment);
    public const string MaximumDuration = nameof(PlacementRule.MaximumDuration);
    public const string InternshipPurpose = "InternshipPurpose";
    public const string LastEmployer = "LastEmployer";
    public const string EmployeeRepStatement = "EmployeeRepStatement";
    public const string FlexJobEligibility = "FlexJobEligibility";
    public const string PlacementStatus = "PlacementStatus";
    public const string OutcomeSchedule = "OutcomeSchedule";

    /// <summary>One placement at a time per candidate (refused with CONFLICT, which names no rule); named in a proposal's checks.</summary>
    public const string CandidateOverlap = "CandidateOverlap";

    /// <summary>Whether an exemption from <paramref name="rule"/> means anything for a placement of <paramref name="kind"/>.</summary>
    public static bool AppliesTo(this PlacementRule rule, OfferKind kind) => rule switch
    {
        PlacementRule.RatioRule => kind.IsSubsidisedPlacement(),
        PlacementRule.MaximumDuration => kind.IsSubsidisedPlacement(),
        PlacementRule.AdditionalEmployment => kind == OfferKind.WageSubsidy,
        _ => false,
    };
}
