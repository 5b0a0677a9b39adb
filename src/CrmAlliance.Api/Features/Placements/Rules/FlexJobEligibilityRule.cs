using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>A flex job is for people with permanently reduced working capacity: the flex-job seekers' target group.</summary>
public static class FlexJobEligibilityRule
{
    public static void Enforce(OfferKind kind, TargetGroup targetGroup)
    {
        if (kind == OfferKind.FlexJob && targetGroup != TargetGroup.FlexJobSeeker)
        {
            throw new RuleViolationException(PlacementRuleNames.FlexJobEligibility, RefusalText.Of("Placements.FlexJobEligibility", ("required", TargetGroup.FlexJobSeeker), ("targetGroup", targetGroup)), "input.offerKind");

        }
    }
}
