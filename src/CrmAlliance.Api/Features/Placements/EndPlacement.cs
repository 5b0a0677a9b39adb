using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;

namespace CrmAlliance.Api.Features.Placements;

public sealed record EndPlacementInput(Guid Id, int Version, DateOnly ActualEnd, bool EndedEarly = false, string? Reason = null);

/// <summary>A consultant records that an active placement has ended: completed as planned, or early with a reason.</summary>
public sealed class EndPlacementHandler(CrmDbContext db, PlacementQueries queries, TimeProvider clock)
{
    public async Task<PlacementView> HandleAsync(EndPlacementInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        new Validator()
            .Check(input.ActualEnd <= clock.Today(), "actualEnd", RefusalText.Of("Placements.EndInFuture"))
            .Check(!input.EndedEarly || !string.IsNullOrWhiteSpace(input.Reason), "reason", RefusalText.Of("Placements.ReasonRequiredWhenEarly"))
            .OptionalText(input.Reason, "reason", 1000)
            .ThrowIfInvalid();
        var placement = await db.LoadPlacementForUpdateAsync(input.Id, input.Version, "input.id", cancellationToken);
        var to = input.EndedEarly ? PlacementStatus.EndedEarly : PlacementStatus.Completed;
        PlacementStateMachine.EnsureCanMove(placement, to);
        new Validator().Check(input.ActualEnd >= placement.ActualStart, "actualEnd", RefusalText.Of("Placements.EndBeforeActualStart", ("start", placement.ActualStart)))
.ThrowIfInvalid();

        PlacementStateMachine.Move(placement, to);
        placement.ActualEnd = input.ActualEnd;
        placement.EndReason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        placement.Version++;
        db.Enqueue(placement.Id, new PlacementEnded(placement.Id, placement.CompanyId, placement.OfferKind.ToString(), to.ToString(), placement.ActualStart!.Value, input.ActualEnd), clock.GetUtcNow());
        await CandidateBusyEvents.EnqueueAsync(db, placement, clock.GetUtcNow(), cancellationToken);
        await db.SaveOrConflictAsync(RefusalText.Of("Placements.NotSaved"), cancellationToken);
        return await queries.GetAsync(placement.Id, actor, cancellationToken);
    }
}
