using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;
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
        var atEnd = input.MonthsAfterEnd == 0;
        new Validator()
            .Check(OutcomeSchedule.IsObservationPoint(input.MonthsAfterEnd), "monthsAfterEnd", $"must be 0 (at the end) or a follow-up month: {string.Join(", ", Outcome.FollowUpMonths)}.")
            .Check(!atEnd || input.EndResult is not null, "endResult", "is required for the outcome at the end (monthsAfterEnd 0).")
            .Check(atEnd || input.EndResult is null, "endResult", "is only for the outcome at the end (monthsAfterEnd 0).")
            .Check(atEnd || input.SelfSupporting is not null, "selfSupporting", "is required for a follow-up.")
            .Check(!atEnd || input.SelfSupporting is null, "selfSupporting", "is only for follow-ups (monthsAfterEnd 1, 3, 6 or 12).")
            .ThrowIfInvalid();

        var placement = await db.Placements.AsNoTracking()
            .Where(p => p.Id == input.PlacementId)
            .Select(p => new { p.Status, p.ActualEnd, p.CompanyId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Placement", input.PlacementId, "input.placementId");
        if (placement.Status is not (PlacementStatus.Completed or PlacementStatus.EndedEarly))
        {
            throw new RuleViolationException(PlacementRuleNames.PlacementStatus, $"an outcome is recorded once the placement has ended; it is {placement.Status}.");
        }

        OutcomeSchedule.EnsureDue(placement.ActualEnd, input.MonthsAfterEnd, clock.Today());
        if (await db.Outcomes.AnyAsync(o => o.PlacementId == input.PlacementId && o.MonthsAfterEnd == input.MonthsAfterEnd, cancellationToken))
        {
            throw new ConflictException($"The outcome {OutcomeSchedule.Describe(input.MonthsAfterEnd)} is already recorded for this placement.", "input.monthsAfterEnd");
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
        db.Enqueue(input.PlacementId, new OutcomeRecorded(input.PlacementId, placement.CompanyId, outcome.MonthsAfterEnd, outcome.EndResult?.ToString(), outcome.SelfSupporting, outcome.RecordedAt), outcome.RecordedAt);
        await db.SaveOrConflictAsync($"The outcome {OutcomeSchedule.Describe(input.MonthsAfterEnd)} is already recorded for this placement.", cancellationToken);
        return (await queries.ByPlacementAsync([input.PlacementId], actor, cancellationToken))[input.PlacementId].Single(o => o.Id == outcome.Id);
    }
}
