using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>Monthly count changes per company and slice, expanded to cells by <see cref="Cells"/>.</summary>
public sealed class YieldDeltas
{
    private readonly Dictionary<(Guid CompanyId, int Month, string Kind, string Group), YieldTotals> monthly = [];

    public YieldTotals For(Guid companyId, int monthKey, string offerKind, string targetGroup)
    {
        var key = (companyId, monthKey, offerKind, targetGroup);
        if (!monthly.TryGetValue(key, out var totals))
        {
            monthly[key] = totals = new YieldTotals();
        }

        return totals;
    }

    /// <summary>The changes per cell, leaving out cells whose changes cancel out.</summary>
    public Dictionary<YieldCellKey, YieldTotals> Cells()
    {
        var cells = new Dictionary<YieldCellKey, YieldTotals>();
        foreach (var ((companyId, month, kind, group), change) in monthly)
        {
            foreach (var key in YieldCellKey.Touched(companyId, month, kind, group))
            {
                if (!cells.TryGetValue(key, out var total))
                {
                    cells[key] = total = new YieldTotals();
                }

                total.Add(change);
            }
        }

        foreach (var key in cells.Where(c => c.Value.IsEmpty()).Select(c => c.Key).ToList())
        {
            cells.Remove(key);
        }

        return cells;
    }

    public void Clear() => monthly.Clear();
}
