using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>A flex job is for people with permanently reduced working capacity: the flex-job seekers' target group.</summary>
public static class FlexJobEligibilityRule
{
    public static void Enforce(OfferKind kind, TargetGroup targetGroup)
    {
        if (kind == OfferKind.FlexJob && targetGroup != TargetGroup.FlexJobSeeker)
        {
            throw new RuleViolationException(PlacementRuleNames.FlexJobEligibility, $"a flex job is only for candidates in target group FlexJobSeeker; this candidate is in {targetGroup}.", "input.offerKind");
        }
    }
}
