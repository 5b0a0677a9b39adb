using System.Collections.Frozen;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements.Rules;

namespace CrmAlliance.Api.Features.Placements;

/// <summary>
/// The life of a placement. Proposed → Approved → Active → Completed is the normal course; a placement
/// can end early from any state before Completed (cancelled before it starts, or broken off while active).
/// </summary>
public static class PlacementStateMachine
{
    private static readonly FrozenDictionary<PlacementStatus, PlacementStatus[]> Transitions = new Dictionary<PlacementStatus, PlacementStatus[]>
    {
        [PlacementStatus.Proposed] = [PlacementStatus.Approved, PlacementStatus.EndedEarly],
        [PlacementStatus.Approved] = [PlacementStatus.Active, PlacementStatus.EndedEarly],
        [PlacementStatus.Active] = [PlacementStatus.Completed, PlacementStatus.EndedEarly],
        [PlacementStatus.Completed] = [],
        [PlacementStatus.EndedEarly] = [],
    }.ToFrozenDictionary();

    public static IReadOnlyList<PlacementStatus> NextStatuses(PlacementStatus from) => Transitions[from];

    public static bool CanMove(PlacementStatus from, PlacementStatus to) => Transitions[from].Contains(to);

    /// <summary>
    /// Refuses with RULE_VIOLATION naming both states unless the placement may move to <paramref name="to"/>.
    /// Handlers call this before any other check and change the placement only when all have passed.
    /// </summary>
    public static void EnsureCanMove(Placement placement, PlacementStatus to)
    {
        if (!CanMove(placement.Status, to))
        {
            throw new RuleViolationException(PlacementRuleNames.PlacementStatus, RefusalText.Of("Placements.Transition", ("from", placement.Status), ("to", to)));
        }
    }

    public static void Move(Placement placement, PlacementStatus to)
    {
        EnsureCanMove(placement, to);
        placement.Status = to;
    }

    /// <summary>Refuses an action that is only possible while the placement is in one of <paramref name="statuses"/>.</summary>
    public static void RequireStatus(Placement placement, RefusalText action, params PlacementStatus[] statuses)
    {
        if (!statuses.Contains(placement.Status))
        {
            throw new RuleViolationException(
                PlacementRuleNames.PlacementStatus,
                RefusalText.Of("Placements.OnlyWhile", ("action", action), ("statuses", RefusalList.AnyOf(statuses)), ("status", placement.Status)));

        }
    }
}
