using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>
/// An internship or wage subsidy cannot start before the employee representative's statement is recorded.
/// The statement is heard, not a veto: a negative one is recorded and the placement may still start.
/// </summary>
public static class EmployeeRepStatementRule
{
    public static void Enforce(OfferKind kind, EmployeeRepStatement? statement, DateOnly start)
    {
        if (!kind.IsSubsidisedPlacement())
        {
            return;
        }

        if (statement is null)
        {
            throw new RuleViolationException(PlacementRuleNames.EmployeeRepStatement, RefusalText.Of("Placements.StatementMissing", ("kind", kind)));
        }

        if (statement.GivenOn > start)
        {
            throw new RuleViolationException(
                PlacementRuleNames.EmployeeRepStatement,
                RefusalText.Of("Placements.StatementAfterStart", ("givenOn", statement.GivenOn), ("start", start)),

                "input.actualStart");
        }
    }
}
