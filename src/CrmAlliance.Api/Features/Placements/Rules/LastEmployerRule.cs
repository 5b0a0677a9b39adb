using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>No internship at the candidate's last employer: it would be unpaid work for a known employer.</summary>
public static class LastEmployerRule
{
    /// <summary>Refuses an internship at the last employer; otherwise says why the rule holds.</summary>
    public static RefusalText Enforce(OfferKind kind, string companyCvr, string? lastEmployerCvr)
    {
        if (kind == OfferKind.Internship && lastEmployerCvr is not null && string.Equals(companyCvr, lastEmployerCvr.Trim(), StringComparison.Ordinal))
        {
            throw new RuleViolationException(PlacementRuleNames.LastEmployer, RefusalText.Of("Placements.LastEmployer", ("cvr", companyCvr)), "input.companyId");

        }

        return kind == OfferKind.Internship
            ? RefusalText.Of("Placements.Holds.NotLastEmployer", ("cvr", companyCvr))
            : RefusalText.Of("Placements.Holds.LastEmployerOnlyInternship", ("kind", kind));
    }
}
