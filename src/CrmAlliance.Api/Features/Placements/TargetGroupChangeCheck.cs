using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Placements;

/// <summary>
/// A resource-programme participant takes no place under the ratio rule; moved to another target group, their
/// approved and active internships and wage subsidies start taking one. Each is judged like an approval — its
/// workplace's places stamped first — so the change is refused where there is no room, also under concurrency.
/// </summary>
public sealed class TargetGroupChangeCheck(CrmDbContext db, RatioRuleCheck ratio) : ICandidateChangeGuard
{
    public async Task CheckTargetGroupChangeAsync(Candidate candidate, TargetGroup newGroup, CancellationToken cancellationToken)
    {
        if (RatioRuleCheck.Counts(candidate.TargetGroup) || !RatioRuleCheck.Counts(newGroup))
        {
            return;
        }

        var holding = await db.Placements.AsNoTracking()
            .Where(p => p.CandidateId == candidate.Id
                && (p.Status == PlacementStatus.Approved || p.Status == PlacementStatus.Active)
                && (p.OfferKind == OfferKind.Internship || p.OfferKind == OfferKind.WageSubsidy))
            .Include(p => p.Exemptions)
            .ToListAsync(cancellationToken);
        foreach (var placement in holding)
        {
            var workplace = await db.Workplaces.AsNoTracking().SingleAsync(w => w.Id == placement.WorkplaceId, cancellationToken);
            var period = new DatePeriod(placement.ActualStart ?? placement.PlannedStart, placement.PlannedEnd);
            try
            {
                await ratio.TakePlaceAsync(placement, workplace, newGroup, period, cancellationToken);
            }
            catch (RuleViolationException ex)
            {
                throw new RuleViolationException(ex.Rule, RefusalText.Of("Placements.TargetGroupChange", ("kind", placement.OfferKind), ("refusal", ex)), "input.targetGroup");

            }
        }
    }
}
