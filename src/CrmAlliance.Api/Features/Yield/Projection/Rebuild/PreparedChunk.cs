using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// A chunk of companies ready for the aside writer: its facts and its companies' month cells in the order of the
/// cells' period index.
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

        // In the period index's order (grain, period, slice, company), not the primary key's: each short transaction
        // then adds to a few hundred places of either index (every company's rows of a transaction lie together in
        // the key too), where the key's order scattered the rows of a few companies over thousands of the period
        // index's pages, and each transaction wrote every page it touched again. With the key's order SQLite alone
        // wrote 13.4 GB for a 1 GB table in 206 such transactions; in this order 5.2 GB (README, "Rebuild").
        var rank = companyIds.Select((id, i) => (id, i)).ToDictionary(c => c.id, c => c.i);
        monthCells.Sort((a, b) => KeyOrder(rank, a, b));

        // Facts in key order (a Guid's order is its text's): the keys' index is written in one pass per transaction.
        facts.Placements.Sort((a, b) => a.PlacementId.CompareTo(b.PlacementId));
        facts.Vacancies.Sort((a, b) => a.VacancyId.CompareTo(b.VacancyId));
        facts.Contacts.Sort((a, b) => a.ContactLogId.CompareTo(b.ContactLogId));
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
        var order = a.Grain.CompareTo(b.Grain);
        order = order != 0 ? order : a.PeriodStart.CompareTo(b.PeriodStart);
        order = order != 0 ? order : string.CompareOrdinal(a.OfferKind, b.OfferKind);
        order = order != 0 ? order : string.CompareOrdinal(a.TargetGroup, b.TargetGroup);
        return order != 0 ? order : rank[a.CompanyId].CompareTo(rank[b.CompanyId]);
    }
}
