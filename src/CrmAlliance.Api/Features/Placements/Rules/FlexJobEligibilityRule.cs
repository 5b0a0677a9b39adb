using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>A flex job is for people with permanently reduced working capacity: the flex-job seekers' target group.</summary>
public static class FlexJobEligibilityRule
{
    /// <summary>Refuses a flex job for anyone outside the flex-job seekers; otherwise says why the rule holds.</summary>
    public static RefusalText Enforce(OfferKind kind, TargetGroup targetGroup)
    {
        if (kind == OfferKind.FlexJob && targetGroup != TargetGroup.FlexJobSeeker)
        {
            throw new RuleViolationException(PlacementRuleNames.FlexJobEligibility, RefusalText.Of("Placements.FlexJobEligibility", ("required", TargetGroup.FlexJobSeeker), ("targetGroup", targetGroup)), "input.offerKind");

        }

        return kind == OfferKind.FlexJob
            ? RefusalText.Of("Placements.Holds.FlexJobEligible", ("targetGroup", targetGroup))
            : RefusalText.Of("Placements.Holds.FlexJobOnly", ("kind", kind));
    }
}
