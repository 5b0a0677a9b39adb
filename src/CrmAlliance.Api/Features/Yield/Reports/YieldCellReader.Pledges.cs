using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// Pledged positions for the totals: the pledge facts overlapping the period, each pro-rated by days exactly
/// (<see cref="YieldPledgeFact.PledgedIn"/>) and summed as fractions. Pledges have no target group, so a target
/// group slice reads none. Pledges are few (about one per company and year), so one query reads a company's or a
/// set of companies'; the whole alliance's are kept in memory and patched after changes (<see cref="YieldKeptPledges"/>):
/// the alliance summary asks for the same year's three times (totals, kinds, quarters), and reading them was most of
/// its time after a change (issue 13's profiles).
/// </summary>
public sealed partial class YieldCellReader
{
    // The kept facts per range, asked for once per reader (a request): the summary reads one year's three times.
    private readonly Dictionary<(DateOnly First, DateOnly Last), IReadOnlyList<YieldPledgeFact>> alliancePledges = [];

    /// <summary>Reads the pledge facts of a query.</summary>
    private delegate Task<IReadOnlyList<YieldPledgeFact>> PledgeFacts(CancellationToken cancellationToken);

    private static PledgeFacts Of(IQueryable<YieldPledgeFact> pledges) => async cancellationToken => await pledges.ToListAsync(cancellationToken);

    /// <summary>The pledge facts of one company, or of the whole alliance (kept current in memory).</summary>
    private PledgeFacts PledgesOf(Guid companyId, DateOnly first, DateOnly last)
        => companyId != YieldCell.AllianceId
            ? Of(Pledges(first, last).Where(f => f.CompanyId == companyId))
            : async cancellationToken =>
            {
                if (!alliancePledges.TryGetValue((first, last), out var facts))
                {
                    alliancePledges[(first, last)] = facts = await keptPledges.OverlappingAsync(db, first, last, cancellationToken);
                }

                return facts;
            };

    private IQueryable<YieldPledgeFact> Pledges(ReportPeriod period) => Pledges(period.Start, period.End);

    private IQueryable<YieldPledgeFact> Pledges(DateOnly first, DateOnly last)
        => db.YieldPledgeFacts.AsNoTracking().Where(f => f.PeriodStart <= last && f.PeriodEnd >= first);

    private static DateOnly YearsStart(int firstYear) => new(firstYear, 1, 1);

    private static DateOnly YearsEnd(int lastYear) => new(lastYear, 12, 31);

    private static async Task<PledgedPositions> PledgedAsync(
        PledgeFacts pledges, string targetGroup, Func<YieldPledgeFact, PledgedPositions> share, CancellationToken cancellationToken)
        => targetGroup != YieldCell.All ? PledgedPositions.Zero : Sum((await pledges(cancellationToken)).Select(share));

    /// <summary>Each key's pledged positions into its totals (added when the key had no cells).</summary>
    private static async Task AddPledgedAsync<TKey>(
        PledgeFacts pledges, string targetGroup, Func<YieldPledgeFact, TKey> keyOf, Func<YieldPledgeFact, PledgedPositions> share,
        Dictionary<TKey, YieldTotals> totals, CancellationToken cancellationToken)
        where TKey : notnull
    {
        if (targetGroup != YieldCell.All)
        {
            return;
        }

        foreach (var group in (await pledges(cancellationToken)).GroupBy(keyOf))
        {
            SetPledged(totals, group.Key, Sum(group.Select(share)));
        }
    }

    /// <summary>Each part's pledged positions into the totals keyed by the part's first month (yyyymm).</summary>
    private static async Task AddPledgedPerPartAsync(
        PledgeFacts pledges, string targetGroup, IReadOnlyList<ReportPeriod> parts, string offerKind,
        Dictionary<int, YieldTotals> totals, CancellationToken cancellationToken)
    {
        if (targetGroup != YieldCell.All)
        {
            return;
        }

        var facts = await pledges(cancellationToken);
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

    private static PledgedPositions Sum(IEnumerable<PledgedPositions> shares) => PledgedPositions.Sum(shares);
}
