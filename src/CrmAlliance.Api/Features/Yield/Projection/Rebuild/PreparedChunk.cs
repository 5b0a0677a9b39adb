using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// A chunk of companies ready for the aside writer: its facts and its companies' month cells in primary-key order.
/// The alliance's cells and the companies' quarter and year cells are kept aside to be written last.
/// </summary>
public sealed record PreparedChunk(YieldChunkFacts Facts, List<YieldCell> MonthCells, int CompanyCells)
{
    /// <summary>Splits the chunk's contributions; adds to the alliance's totals and the rolled-up cells given.</summary>
    public static PreparedChunk From(Guid[] companyIds, YieldChunkFacts facts, Dictionary<YieldCellKey, YieldTotals> alliance, List<YieldCell> rolledUp)
    {
        var monthCells = new List<YieldCell>();
        var rolledUpBefore = rolledUp.Count;
        foreach (var (key, totals) in facts.Deltas.Cells())
        {
            if (key.CompanyId == YieldCell.AllianceId)
            {
                if (!alliance.TryGetValue(key, out var sum))
                {
                    alliance[key] = sum = new YieldTotals();
                }

                sum.Add(totals);
            }
            else if (key.Grain != YieldGrain.Month)
            {
                rolledUp.Add(ToCell(key, totals));
            }
            else
            {
                monthCells.Add(ToCell(key, totals));
            }
        }

        // In primary-key order within the chunk (the chunk's companies come in that order), so the inserts stay
        // near the end of the index.
        var rank = companyIds.Select((id, i) => (id, i)).ToDictionary(c => c.id, c => c.i);
        monthCells.Sort((a, b) => KeyOrder(rank, a, b));
        return new PreparedChunk(facts, monthCells, monthCells.Count + rolledUp.Count - rolledUpBefore);
    }

    public static YieldCell ToCell(YieldCellKey key, YieldTotals totals)
    {
        var cell = YieldCellWriter.NewCell(key);
        cell.Add(totals);
        return cell;
    }

    private static int KeyOrder(Dictionary<Guid, int> rank, YieldCell a, YieldCell b)
    {
        var order = rank[a.CompanyId].CompareTo(rank[b.CompanyId]);
        order = order != 0 ? order : a.Grain.CompareTo(b.Grain);
        order = order != 0 ? order : a.PeriodStart.CompareTo(b.PeriodStart);
        order = order != 0 ? order : string.CompareOrdinal(a.OfferKind, b.OfferKind);
        return order != 0 ? order : string.CompareOrdinal(a.TargetGroup, b.TargetGroup);
    }
}
