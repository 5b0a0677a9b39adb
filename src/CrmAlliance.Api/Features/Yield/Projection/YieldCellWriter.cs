using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>
/// Stages count changes on the tracked cells: adds to existing cells (bumping their version, so a concurrent
/// writer's save fails instead of losing an update), creates missing ones and deletes cells that fall to zero.
/// </summary>
public sealed class YieldCellWriter(CrmDbContext db)
{
    public async Task StageAsync(YieldDeltas deltas, CancellationToken cancellationToken)
    {
        var changes = deltas.Cells();
        if (changes.Count == 0)
        {
            return;
        }

        // Per company only its own periods, offer kinds and target groups: one query for every company at once would
        // load the cross product (thousands of cells for a batch of refreshes) and make the save track them all.
        var existing = new Dictionary<YieldCellKey, YieldCell>();
        foreach (var company in changes.Keys.GroupBy(k => k.CompanyId))
        {
            var periodStarts = company.Select(k => k.PeriodStart).Distinct().ToList();
            var offerKinds = company.Select(k => k.OfferKind).Distinct().ToList();
            var targetGroups = company.Select(k => k.TargetGroup).Distinct().ToList();
            var cellsOfCompany = await db.YieldCells
                .Where(c => c.CompanyId == company.Key && periodStarts.Contains(c.PeriodStart) && offerKinds.Contains(c.OfferKind) && targetGroups.Contains(c.TargetGroup))
                .ToListAsync(cancellationToken);
            cellsOfCompany.ForEach(c => existing[new YieldCellKey(c.CompanyId, c.Grain, c.PeriodStart, c.OfferKind, c.TargetGroup)] = c);
        }

        foreach (var (key, change) in changes)
        {
            if (existing.TryGetValue(key, out var cell))
            {
                cell.Add(change);
                cell.Version++;
                if (cell.IsEmpty())
                {
                    db.YieldCells.Remove(cell);
                }
            }
            else
            {
                cell = NewCell(key);
                cell.Add(change);
                db.YieldCells.Add(cell);
            }
        }
    }

    public static YieldCell NewCell(YieldCellKey key) => new()
    {
        CompanyId = key.CompanyId,
        Grain = key.Grain,
        PeriodStart = key.PeriodStart,
        OfferKind = key.OfferKind,
        TargetGroup = key.TargetGroup,
    };
}
