using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Placements;

public sealed record CancelPlacementInput(Guid Id, int Version, string Reason);

/// <summary>
/// A consultant calls off a placement that has not started (it ends early without actual dates). An
/// active placement is ended with <c>endPlacement</c> instead, so that its actual end is recorded.
/// </summary>
public sealed class CancelPlacementHandler(CrmDbContext db, PlacementQueries queries, TimeProvider clock)
{
    private static readonly PlacementStatus[] Statuses = [PlacementStatus.Proposed, PlacementStatus.Approved];

    /// <summary>A placement can be called off while it is proposed or approved, before it starts.</summary>
    public static bool Allows(PlacementStatus status) => Statuses.Contains(status);

    public async Task<PlacementView> HandleAsync(CancelPlacementInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        new Validator().Text(input.Reason, "reason", 1000).ThrowIfInvalid();
        var placement = await db.LoadPlacementForUpdateAsync(input.Id, input.Version, "input.id", cancellationToken);
        PlacementStateMachine.RequireStatus(placement, RefusalText.Of("Placements.Action.Cancel"), Statuses);

        PlacementStateMachine.Move(placement, PlacementStatus.EndedEarly);
        placement.EndReason = input.Reason.Trim();
        placement.Version++;
        await CandidateBusyEvents.EnqueueAsync(db, placement, clock.GetUtcNow(), cancellationToken);
        await db.SaveOrConflictAsync(RefusalText.Of("Placements.NotSaved"), cancellationToken);
        return await queries.GetAsync(placement.Id, actor, cancellationToken);
    }
}
