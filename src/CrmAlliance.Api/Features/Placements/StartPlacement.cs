using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Placements;

public sealed record StartPlacementInput(Guid Id, int Version, DateOnly ActualStart);

/// <summary>
/// A consultant records that an approved placement has started. An internship or wage subsidy needs the
/// employee representative's statement first; the ratio rule and the maximum duration are judged again
/// from the actual start.
/// </summary>
public sealed class StartPlacementHandler(CrmDbContext db, RatioRuleCheck ratio, MaximumDurationRule maximumDuration, PlacementQueries queries, TimeProvider clock)
{
    public Task<PlacementView> HandleAsync(StartPlacementInput input, Actor actor, CancellationToken cancellationToken)
        => db.RetryRacesAsync(() => HandleOnceAsync(input, actor, cancellationToken));

    private async Task<PlacementView> HandleOnceAsync(StartPlacementInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        new Validator().Check(input.ActualStart <= clock.Today(), "actualStart", RefusalText.Of("Placements.StartInFuture")).ThrowIfInvalid();
        var placement = await db.LoadPlacementForUpdateAsync(input.Id, input.Version, "input.id", cancellationToken);
        PlacementStateMachine.EnsureCanMove(placement, PlacementStatus.Active);
        new Validator().Check(input.ActualStart <= placement.PlannedEnd, "actualStart", RefusalText.Of("Placements.StartAfterPlannedEnd", ("end", placement.PlannedEnd)))
.ThrowIfInvalid();
        EmployeeRepStatementRule.Enforce(placement.OfferKind, placement.EmployeeRepStatement, input.ActualStart);

        var period = new DatePeriod(input.ActualStart, placement.PlannedEnd);
        var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == placement.CandidateId, cancellationToken);
        if (!placement.IsExemptFrom(PlacementRule.MaximumDuration))
        {
            var sector = await db.Companies.Where(c => c.Id == placement.CompanyId).Select(c => c.Sector).SingleAsync(cancellationToken);
            maximumDuration.Enforce(placement.OfferKind, candidate.TargetGroup, candidate.HasWorkExperience, sector, period);
        }

        if (input.ActualStart < placement.PlannedStart)
        {
            // Starting early lengthens the placement: it must not run into another of the candidate's.
            await db.StampAndRefuseOverlapAsync(candidate.Id, period, placement.Id, "input.actualStart", cancellationToken);
        }

        var workplace = await db.Workplaces.AsNoTracking().SingleAsync(w => w.Id == placement.WorkplaceId, cancellationToken);
        await ratio.TakePlaceAsync(placement, workplace, candidate, period, cancellationToken);

        PlacementStateMachine.Move(placement, PlacementStatus.Active);
        placement.ActualStart = input.ActualStart;
        placement.Version++;
        db.Enqueue(placement.Id, new PlacementStarted(
            placement.Id, placement.CandidateId, placement.CompanyId, placement.WorkplaceId, placement.VacancyId,
            placement.OfferKind.ToString(), candidate.TargetGroup.ToString(), input.ActualStart, placement.PlannedEnd), clock.GetUtcNow());
        await CandidateBusyEvents.EnqueueAsync(db, placement, clock.GetUtcNow(), cancellationToken);
        await db.SaveOrConflictAsync(RefusalText.Of("Placements.NotSaved"), cancellationToken);
        return await queries.GetAsync(placement.Id, actor, cancellationToken);
    }
}
