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

        var companyIds = changes.Keys.Select(k => k.CompanyId).Distinct().ToList();
        var periodStarts = changes.Keys.Select(k => k.PeriodStart).Distinct().ToList();
        var existing = (await db.YieldCells
                .Where(c => companyIds.Contains(c.CompanyId) && periodStarts.Contains(c.PeriodStart))
                .ToListAsync(cancellationToken))
            .ToDictionary(c => new YieldCellKey(c.CompanyId, c.Grain, c.PeriodStart, c.OfferKind, c.TargetGroup));

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
