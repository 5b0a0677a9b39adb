using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// Several slices or parts of a period in one query each (cells, then pledges), for the reports that show many at
/// once (effect targets, the monitoring report): their cost does not grow with the number of slices.
/// </summary>
public sealed partial class YieldCellReader
{
    /// <summary>Totals of one company (or the alliance) for each of <paramref name="slices"/> (offer kind, target group); a slice without cells has none.</summary>
    public async Task<Dictionary<(string Kind, string Group), YieldTotals>> SlicesAsync(
        Guid companyId, ReportPeriod period, IReadOnlyCollection<(string Kind, string Group)> slices, CancellationToken cancellationToken)
    {
        var wanted = slices.Distinct().ToList();
        var kinds = wanted.Select(s => s.Kind).Distinct().ToList();
        var groups = wanted.Select(s => s.Group).Distinct().ToList();

        // Company cells of one kind or group exist per month only; the alliance's at every grain, so its year or quarter cells serve.
        var (grain, starts) = YieldCellKey.Covering(period, companyCells: companyId != YieldCell.AllianceId, nameof(OfferKind.OrdinaryJob), YieldCell.All);
        var (first, last) = (starts[0], starts[^1]);
        var rows = await Summed(db.YieldCells.AsNoTracking()
            .Where(c => c.CompanyId == companyId && c.Grain == grain && c.PeriodStart >= first && c.PeriodStart <= last
                && kinds.Contains(c.OfferKind) && groups.Contains(c.TargetGroup))
            .GroupBy(c => new { c.OfferKind, c.TargetGroup }))
            .ToListAsync(cancellationToken);
        var totals = rows.Where(r => wanted.Contains((r.Key.OfferKind, r.Key.TargetGroup))).ToDictionary(r => (r.Key.OfferKind, r.Key.TargetGroup), r => r.Totals);

        var pledgedKinds = wanted.Where(s => s.Group == YieldCell.All).Select(s => s.Kind).ToList();
        if (pledgedKinds.Count > 0)
        {
            var facts = await PledgesOf(companyId, period.Start, period.End)(cancellationToken);
            foreach (var kind in pledgedKinds)
            {
                SetPledged(totals, (kind, YieldCell.All), Sum(facts.Select(f => f.PledgedIn(period.Start, period.End, kind))));
            }
        }

        return totals;
    }

    /// <summary>
    /// The whole (all/all) totals of every company and of the alliance (<see cref="YieldCell.AllianceId"/>) for each
    /// quarter of the period, clipped to it: the part's first month (yyyymm) → company → totals.
    /// </summary>
    public async Task<Dictionary<int, Dictionary<Guid, YieldTotals>>> QuarterPartsAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var parts = period.SplitInto(ReportPeriodKind.Quarter).ToList();
        var partOfQuarter = parts.ToDictionary(p => QuarterOf(ReportPeriod.MonthKey(p.FirstMonth)), p => ReportPeriod.MonthKey(p.FirstMonth));
        var (first, last) = (ReportPeriod.MonthKey(period.FirstMonth), ReportPeriod.MonthKey(period.LastMonth));
        var rows = await Summed(db.YieldCells.AsNoTracking()
            .Where(c => c.Grain == YieldGrain.Month && c.PeriodStart >= first && c.PeriodStart <= last && c.OfferKind == YieldCell.All && c.TargetGroup == YieldCell.All)
            .GroupBy(c => new { c.CompanyId, Quarter = (c.PeriodStart / 100 * 4) + (((c.PeriodStart % 100) - 1) / 3) }))
            .ToListAsync(cancellationToken);

        var result = parts.ToDictionary(p => ReportPeriod.MonthKey(p.FirstMonth), _ => new Dictionary<Guid, YieldTotals>());
        foreach (var row in rows)
        {
            result[partOfQuarter[row.Key.Quarter]][row.Key.CompanyId] = row.Totals;
        }

        var facts = await PledgesOf(YieldCell.AllianceId, period.Start, period.End)(cancellationToken);
        foreach (var part in parts)
        {
            var byCompany = result[ReportPeriod.MonthKey(part.FirstMonth)];
            foreach (var company in facts.GroupBy(f => f.CompanyId))
            {
                SetPledged(byCompany, company.Key, Sum(company.Select(f => f.PledgedIn(part.Start, part.End, YieldCell.All))));
            }

            SetPledged(byCompany, YieldCell.AllianceId, Sum(facts.Select(f => f.PledgedIn(part.Start, part.End, YieldCell.All))));
        }

        return result;
    }

    private static int QuarterOf(int monthKey) => (monthKey / 100 * 4) + (((monthKey % 100) - 1) / 3);

    /// <summary>Sums the groups; lets the key be an anonymous type.</summary>
    private static IQueryable<Keyed<TKey>> Summed<TKey>(IQueryable<IGrouping<TKey, YieldCell>> groups) => groups.Select(SumBy<TKey>());
}
