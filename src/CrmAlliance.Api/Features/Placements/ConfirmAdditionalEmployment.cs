using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Placements;

/// <summary>Headcounts default to the workplace's last reported figures when omitted.</summary>
public sealed record ConfirmAdditionalEmploymentInput(Guid PlacementId, int Version, int? HeadcountLastMonth, decimal? AverageHeadcount12Months, bool NoDismissalWithin3Months);

/// <summary>
/// A consultant confirms that a wage-subsidy post is additional employment and records the figures the
/// confirmation rests on. Figures that break the rule are refused unless an AdditionalEmployment
/// exemption is recorded; then they are stored as they are, next to the exemption.
/// </summary>
public sealed class ConfirmAdditionalEmploymentHandler(CrmDbContext db, AdditionalEmploymentRule rule, PlacementQueries queries, TimeProvider clock)
{
    public async Task<PlacementView> HandleAsync(ConfirmAdditionalEmploymentInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        new Validator()
            .Check(input.HeadcountLastMonth is null or (>= 0 and <= 100_000), "headcountLastMonth", Validator.Between(0, 100_000))
            .Check(input.AverageHeadcount12Months is null or (>= 0 and <= 100_000), "averageHeadcount12Months", Validator.Between(0, 100_000))
            .ThrowIfInvalid();
        var placement = await db.LoadPlacementForUpdateAsync(input.PlacementId, input.Version, "input.placementId", cancellationToken);
        if (placement.OfferKind != OfferKind.WageSubsidy)
        {
            throw new RuleViolationException(PlacementRuleNames.AdditionalEmployment, RefusalText.Of("Placements.ConfirmationOnlyForWageSubsidy", ("kind", placement.OfferKind)));

        }

        PlacementStateMachine.RequireStatus(placement, RefusalText.Of("Placements.Action.ConfirmAdditionalEmployment"), PlacementStatus.Proposed, PlacementStatus.Approved);
        var workplace = await db.Workplaces.AsNoTracking().SingleAsync(w => w.Id == placement.WorkplaceId, cancellationToken);
        var headcount = input.HeadcountLastMonth ?? workplace.OrdinaryEmployees;
        var average = input.AverageHeadcount12Months ?? workplace.AverageEmployees12Months;
        if (!placement.IsExemptFrom(PlacementRule.AdditionalEmployment))
        {
            rule.Enforce(headcount, average, input.NoDismissalWithin3Months);
        }

        placement.WageSubsidyConfirmation = new WageSubsidyConfirmation
        {
            HeadcountLastMonth = headcount,
            AverageHeadcount12Months = average,
            NoDismissalWithin3Months = input.NoDismissalWithin3Months,
            ConfirmedBy = actor.UserId,
            ConfirmedAt = clock.GetUtcNow(),
        };
        placement.Version++;
        await db.SaveOrConflictAsync(RefusalText.Of("Placements.ConfirmationNotSaved"), cancellationToken);
        return await queries.GetAsync(placement.Id, actor, cancellationToken);
    }
}
