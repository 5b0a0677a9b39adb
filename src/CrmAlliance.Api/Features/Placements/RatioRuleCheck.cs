using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Placements;

/// <summary>Feeds the <see cref="RatioRule"/> with the placements that occupy a workplace's places.</summary>
public sealed class RatioRuleCheck(CrmDbContext db, RatioRule rule)
{
    /// <summary>
    /// Enforces the rule for <paramref name="placement"/> over <paramref name="period"/>, unless the placement
    /// is of a kind the rule does not cover or carries a RatioRule exemption; says why the rule holds.
    /// </summary>
    public Task<RefusalText> EnforceAsync(Placement placement, Workplace workplace, Candidate candidate, DatePeriod period, CancellationToken cancellationToken)
        => EnforceAsync(placement, workplace.Id, workplace.PNumber, workplace.OrdinaryEmployees, candidate.TargetGroup, period, cancellationToken);

    private async Task<RefusalText> EnforceAsync(Placement placement, Guid workplaceId, string pNumber, int ordinaryEmployees, TargetGroup targetGroup, DatePeriod period, CancellationToken cancellationToken)
    {
        if (!placement.OfferKind.IsSubsidisedPlacement())
        {
            return RefusalText.Of("Placements.Holds.RatioOnlySubsidised", ("kind", placement.OfferKind));
        }

        if (placement.IsExemptFrom(PlacementRule.RatioRule))
        {
            return RefusalText.Of("Placements.Holds.Exempt", ("rule", PlacementRule.RatioRule));
        }

        var taken = await TakenPlacesAsync(workplaceId, period, placement.Id, cancellationToken);
        return rule.Enforce(pNumber, ordinaryEmployees, taken, period, Counts(targetGroup));
    }

    /// <summary>
    /// For a step that makes <paramref name="placement"/> take a place (approving, starting): stamps the workplace's
    /// places first, so that two such steps judged on the same count cannot both commit, then enforces the rule.
    /// </summary>
    public Task TakePlaceAsync(Placement placement, Workplace workplace, Candidate candidate, DatePeriod period, CancellationToken cancellationToken)
        => TakePlaceAsync(placement, workplace, candidate.TargetGroup, period, cancellationToken);

    /// <summary>As above, for a candidate in <paramref name="targetGroup"/> (which may be the one they are about to move to).</summary>
    public async Task TakePlaceAsync(Placement placement, Workplace workplace, TargetGroup targetGroup, DatePeriod period, CancellationToken cancellationToken)
    {
        if (!placement.OfferKind.IsSubsidisedPlacement())
        {
            return;
        }

        // Also when exempt: the placement still takes a place that others' checks count.
        await db.StampAsync(RuleStampScopes.WorkplacePlaces, workplace.Id, cancellationToken);

        // The number of employees is read again after the stamp: an edit of it committed since the caller read the
        // workplace bumped the stamp first, so either this read sees the new number or this save loses the race.
        var employees = await db.Workplaces.AsNoTracking().Where(w => w.Id == workplace.Id).Select(w => w.OrdinaryEmployees).SingleAsync(cancellationToken);
        await EnforceAsync(placement, workplace.Id, workplace.PNumber, employees, targetGroup, period, cancellationToken);
    }

    /// <summary>Resource-programme participants are not employed and take no place.</summary>
    public static bool Counts(TargetGroup targetGroup) => targetGroup != TargetGroup.ResourceProgramme;

    /// <summary>Periods of the places taken at the workplace during <paramref name="period"/>, but for the placement judged.</summary>
    private async Task<List<DatePeriod>> TakenPlacesAsync(Guid workplaceId, DatePeriod period, Guid excludedPlacementId, CancellationToken cancellationToken)
    {
        var rows = await db.CountedPlaces(period)
            .Where(p => p.WorkplaceId == workplaceId && p.PlacementId != excludedPlacementId)
            .Select(p => new { p.Start, p.End })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DatePeriod(r.Start, r.End)).ToList();
    }
}
