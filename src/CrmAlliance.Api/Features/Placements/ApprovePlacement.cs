using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Placements;

public sealed record ApprovePlacementInput(Guid Id, int Version);

/// <summary>
/// A consultant approves a proposal. The ratio rule is judged again, since other placements at the
/// workplace may have been approved since; a wage subsidy needs its additional-employment confirmation.
/// Who approved and when is recorded on the placement.
/// </summary>
public sealed class ApprovePlacementHandler(CrmDbContext db, RatioRuleCheck ratio, PlacementQueries queries, TimeProvider clock)
{
    public Task<PlacementView> HandleAsync(ApprovePlacementInput input, Actor actor, CancellationToken cancellationToken)
        => db.RetryRacesAsync(() => HandleOnceAsync(input, actor, cancellationToken));

    private async Task<PlacementView> HandleOnceAsync(ApprovePlacementInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        var placement = await db.LoadPlacementForUpdateAsync(input.Id, input.Version, "input.id", cancellationToken);
        PlacementStateMachine.EnsureCanMove(placement, PlacementStatus.Approved);
        if (placement.OfferKind == OfferKind.WageSubsidy && placement.WageSubsidyConfirmation is null)
        {
            throw new RuleViolationException(PlacementRuleNames.AdditionalEmployment, RefusalText.Of("Placements.ApproveNeedsConfirmation"));

        }

        var workplace = await db.Workplaces.AsNoTracking().SingleAsync(w => w.Id == placement.WorkplaceId, cancellationToken);
        var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == placement.CandidateId, cancellationToken);
        await ratio.TakePlaceAsync(placement, workplace, candidate, new DatePeriod(placement.PlannedStart, placement.PlannedEnd), cancellationToken);

        PlacementStateMachine.Move(placement, PlacementStatus.Approved);
        placement.ApprovedBy = actor.UserId;
        placement.ApprovedAt = clock.GetUtcNow();
        placement.Version++;

        // No CandidateChanged: a proposed placement already holds its candidate for the same days.
        await db.SaveOrConflictAsync(RefusalText.Of("Placements.NotSaved"), cancellationToken);
        return await queries.GetAsync(placement.Id, actor, cancellationToken);
    }
}
