using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Outcomes;

/// <summary>At the end (<c>MonthsAfterEnd</c> 0) give <c>EndResult</c>; at a follow-up (1, 3, 6, 12) give <c>SelfSupporting</c>.</summary>
public sealed record RecordOutcomeInput(Guid PlacementId, int MonthsAfterEnd, EndResult? EndResult = null, bool? SelfSupporting = null);

/// <summary>
/// A consultant records how an ended placement turned out: at its end, and whether the candidate is
/// self-supporting 1, 3, 6 and 12 months later. A follow-up is recorded on or after its date, once.
/// </summary>
public sealed class RecordOutcomeHandler(CrmDbContext db, OutcomeQueries queries, TimeProvider clock)
{
    public const string ConsultantSource = "consultant";

    public async Task<OutcomeView> HandleAsync(RecordOutcomeInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        new Validator().CheckObservation(input.MonthsAfterEnd, input.EndResult, input.SelfSupporting).ThrowIfInvalid();

        var placement = await db.Placements.AsNoTracking()
            .Where(p => p.Id == input.PlacementId)
            .Select(p => new { p.Status, p.ActualEnd, p.CompanyId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Placement", input.PlacementId, "input.placementId");
        if (OutcomeRules.NotEndedRefusal(placement.Status) is { } notEnded)
        {
            throw notEnded;
        }

        OutcomeSchedule.EnsureDue(placement.ActualEnd, input.MonthsAfterEnd, clock.Today());
        if (await db.Outcomes.AnyAsync(o => o.PlacementId == input.PlacementId && o.MonthsAfterEnd == input.MonthsAfterEnd, cancellationToken))
        {
            throw new ConflictException(RefusalText.Of("Outcomes.AlreadyRecorded", ("moment", OutcomeSchedule.Moment(input.MonthsAfterEnd))), "input.monthsAfterEnd");
        }

        var outcome = new Outcome
        {
            PlacementId = input.PlacementId,
            MonthsAfterEnd = input.MonthsAfterEnd,
            EndResult = input.EndResult,
            SelfSupporting = input.SelfSupporting,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = actor.UserId,
            Source = ConsultantSource,
        };
        db.Outcomes.Add(outcome);
        OutcomeRules.EnqueueRecorded(db, outcome, placement.CompanyId);
        await db.SaveOrConflictAsync(RefusalText.Of("Outcomes.AlreadyRecorded", ("moment", OutcomeSchedule.Moment(input.MonthsAfterEnd))), cancellationToken);

        return (await queries.ByPlacementAsync([input.PlacementId], actor, cancellationToken))[input.PlacementId].Single(o => o.Id == outcome.Id);
    }
}
