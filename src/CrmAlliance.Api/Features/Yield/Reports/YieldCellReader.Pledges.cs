using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// Pledged positions for the totals: the pledge facts overlapping the period, each pro-rated by days exactly
/// (<see cref="YieldPledgeFact.PledgedIn"/>) and summed as fractions. Pledges have no target group, so a target
/// group slice reads none. Pledges are few (about one per company and year), so one query reads them.
/// </summary>
public sealed partial class YieldCellReader
{
    private IQueryable<YieldPledgeFact> Pledges(ReportPeriod period) => Pledges(period.Start, period.End);

    private IQueryable<YieldPledgeFact> Pledges(DateOnly first, DateOnly last)
        => db.YieldPledgeFacts.AsNoTracking().Where(f => f.PeriodStart <= last && f.PeriodEnd >= first);

    private static IQueryable<YieldPledgeFact> OfCompany(Guid companyId, IQueryable<YieldPledgeFact> pledges)
        => companyId == YieldCell.AllianceId ? pledges : pledges.Where(f => f.CompanyId == companyId);

    private static DateOnly YearsStart(int firstYear) => new(firstYear, 1, 1);

    private static DateOnly YearsEnd(int lastYear) => new(lastYear, 12, 31);

    private static async Task<PledgedPositions> PledgedAsync(
        IQueryable<YieldPledgeFact> pledges, string targetGroup, Func<YieldPledgeFact, PledgedPositions> share, CancellationToken cancellationToken)
        => targetGroup != YieldCell.All ? PledgedPositions.Zero : Sum((await pledges.ToListAsync(cancellationToken)).Select(share));

    /// <summary>Each key's pledged positions into its totals (added when the key had no cells).</summary>
    private static async Task AddPledgedAsync<TKey>(
        IQueryable<YieldPledgeFact> pledges, string targetGroup, Func<YieldPledgeFact, TKey> keyOf, Func<YieldPledgeFact, PledgedPositions> share,
        Dictionary<TKey, YieldTotals> totals, CancellationToken cancellationToken)
        where TKey : notnull
    {
        if (targetGroup != YieldCell.All)
        {
            return;
        }

        foreach (var group in (await pledges.ToListAsync(cancellationToken)).GroupBy(keyOf))
        {
            SetPledged(totals, group.Key, Sum(group.Select(share)));
        }
    }

    /// <summary>Each part's pledged positions into the totals keyed by the part's first month (yyyymm).</summary>
    private static async Task AddPledgedPerPartAsync(
        IQueryable<YieldPledgeFact> pledges, string targetGroup, IReadOnlyList<ReportPeriod> parts, string offerKind,
        Dictionary<int, YieldTotals> totals, CancellationToken cancellationToken)
    {
        if (targetGroup != YieldCell.All)
        {
            return;
        }

        var facts = await pledges.ToListAsync(cancellationToken);
        foreach (var part in parts)
        {
            SetPledged(totals, ReportPeriod.MonthKey(part.FirstMonth), Sum(facts.Select(f => f.PledgedIn(part.Start, part.End, offerKind))));
        }
    }

    private static void SetPledged<TKey>(Dictionary<TKey, YieldTotals> totals, TKey key, PledgedPositions pledged)
        where TKey : notnull
    {
        if (!pledged.IsZero)
        {
            TotalsOf(totals, key).Pledged = pledged;
        }
    }

    private static YieldTotals TotalsOf<TKey>(Dictionary<TKey, YieldTotals> totals, TKey key)
        where TKey : notnull
    {
        if (!totals.TryGetValue(key, out var found))
        {
            totals[key] = found = new YieldTotals();
        }

        return found;
    }

    private static PledgedPositions Sum(IEnumerable<PledgedPositions> shares) => shares.Aggregate(PledgedPositions.Zero, (sum, share) => sum + share);
}
