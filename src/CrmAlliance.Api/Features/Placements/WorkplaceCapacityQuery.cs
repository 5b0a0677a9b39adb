using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Placements;

/// <summary>
/// A workplace's internship/wage-subsidy places under the ratio rule: how many it may host, how many are taken today,
/// and the most taken on any day of the coming <see cref="WorkplaceCapacityQuery.AheadDays"/> days.
/// </summary>
public sealed record WorkplaceCapacity(Guid WorkplaceId, string PNumber, string Name, int OrdinaryEmployees, int AllowedPlaces, int TakenToday, int PeakAhead)
{
    public int FreeToday => Math.Max(0, AllowedPlaces - TakenToday);

    /// <summary>Places free on every day ahead: what a new placement starting today and lasting that long could use.</summary>
    public int FreeThroughout => Math.Max(0, AllowedPlaces - PeakAhead);
}

/// <summary>Each workplace's free capacity, from the <see cref="RatioRule"/> and what it counts (<see cref="CountedPlacesQuery"/>).</summary>
public sealed class WorkplaceCapacityQuery(CrmDbContext db, RatioRule rule, TimeProvider clock)
{
    /// <summary>13 weeks: the longest internship.</summary>
    public const int AheadDays = 91;

    /// <summary>The company's workplaces by name, in two round trips whatever their number. Staff read any company, a company user its own.</summary>
    public async Task<IReadOnlyList<WorkplaceCapacity>> ForCompanyAsync(Guid companyId, Actor actor, CancellationToken cancellationToken)
    {
        actor.RequireCompanyAccess(companyId);
        var today = DanishCalendar.Today(clock);
        var ahead = new DatePeriod(today, today.AddDays(AheadDays - 1));
        var workplaces = await db.Workplaces.AsNoTracking()
            .Where(w => w.CompanyId == companyId)
            .OrderByDanish(db.Database, w => w.Name).ThenBy(w => w.PNumber)
            .Select(w => new { w.Id, w.PNumber, w.Name, w.OrdinaryEmployees })
            .ToListAsync(cancellationToken);
        if (workplaces.Count == 0)
        {
            return [];
        }

        var taken = (await db.CountedPlaces(ahead)
                .Where(p => p.CompanyId == companyId)
                .Select(p => new { p.WorkplaceId, p.Start, p.End })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.WorkplaceId, p => new DatePeriod(p.Start, p.End));
        var onToday = new DatePeriod(today, today);
        return workplaces
            .Select(w => new WorkplaceCapacity(
                w.Id, w.PNumber, w.Name, w.OrdinaryEmployees, rule.AllowedPlaces(w.OrdinaryEmployees),
                RatioRule.PeakOccupancy(taken[w.Id], onToday), RatioRule.PeakOccupancy(taken[w.Id], ahead)))
            .ToList();
    }
}
