using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>Every internship states its purpose (hiring, up-skilling or clarification); no other kind has one.</summary>
public static class InternshipPurposeRule
{
    /// <summary>Refuses a missing or superfluous purpose; otherwise says why the rule holds.</summary>
    public static RefusalText Enforce(OfferKind kind, InternshipPurpose? purpose)
    {
        if (kind == OfferKind.Internship && purpose is null)
        {
            throw new RuleViolationException(PlacementRuleNames.InternshipPurpose, RefusalText.Of("Placements.PurposeMissing", ("purposes", RefusalList.AnyOf(Enum.GetValues<InternshipPurpose>()))), "input.purpose");
        }

        if (kind != OfferKind.Internship && purpose is not null)
        {
            throw new RuleViolationException(PlacementRuleNames.InternshipPurpose, RefusalText.Of("Placements.PurposeNotForKind", ("kind", kind)), "input.purpose");

        }

        return purpose is { } stated
            ? RefusalText.Of("Placements.Holds.Purpose", ("purpose", stated))
            : RefusalText.Of("Placements.Holds.NoPurposeNeeded", ("kind", kind));
    }
}
