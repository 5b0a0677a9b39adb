using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>No internship at the candidate's last employer: it would be unpaid work for a known employer.</summary>
public static class LastEmployerRule
{
    public static void Enforce(OfferKind kind, string companyCvr, string? lastEmployerCvr)
    {
        if (kind == OfferKind.Internship && lastEmployerCvr is not null && string.Equals(companyCvr, lastEmployerCvr.Trim(), StringComparison.Ordinal))
        {
            throw new RuleViolationException(PlacementRuleNames.LastEmployer, RefusalText.Of("Placements.LastEmployer", ("cvr", companyCvr)), "input.companyId");

        }
    }
}
