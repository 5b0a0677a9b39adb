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
            throw new RuleViolationException(PlacementRuleNames.EmployeeRepStatement, $"a {kind} placement cannot start before the statement of the workplace's employee representative is recorded.");
        }

        if (statement.GivenOn > start)
        {
            throw new RuleViolationException(
                PlacementRuleNames.EmployeeRepStatement,
                $"the employee representative's statement was given on {statement.GivenOn:yyyy-MM-dd}, after the start on {start:yyyy-MM-dd}; the placement cannot start before it.",
                "input.actualStart");
        }
    }
}
