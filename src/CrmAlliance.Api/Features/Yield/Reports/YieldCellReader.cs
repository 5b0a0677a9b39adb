using System.Linq.Expressions;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// Sums read-model cells for a period and a slice: per company, for one company, for the alliance, or as a
/// series. It reads the year and quarter cells where they exist (see <see cref="YieldCellKey.Covering"/>), so a
/// yearly ranking touches one row per company. Pledged positions come from the pledge facts, pro-rated exactly
/// (<see cref="YieldTotals.Pledged"/>), one more query per call. No authorization here: callers check the actor.
/// </summary>
public sealed partial class YieldCellReader(CrmDbContext db, YieldKeptPledges keptPledges)
{
    public Task<Dictionary<Guid, YieldTotals>> ByCompanyAsync(ReportPeriod period, string offerKind, string targetGroup, CancellationToken cancellationToken)
        => ByCompanyAsync(period, offerKind, targetGroup, null, cancellationToken);

    /// <summary>Totals per company for the period and slice, of every company or of <paramref name="companyIds"/> only; companies without cells are absent.</summary>
    public async Task<Dictionary<Guid, YieldTotals>> ByCompanyAsync(ReportPeriod period, string offerKind, string targetGroup, IReadOnlyCollection<Guid>? companyIds, CancellationToken cancellationToken)
    {
        var (grain, starts) = YieldCellKey.Covering(period, companyCells: true, offerKind, targetGroup);
        var cells = Cells(grain, starts, offerKind, targetGroup).Where(c => c.CompanyId != YieldCell.AllianceId);
        if (companyIds is not null)
        {
            cells = cells.Where(c => companyIds.Contains(c.CompanyId));
        }

        var rows = await cells
            .GroupBy(c => c.CompanyId)
            .Select(SumBy<Guid>())
            .ToListAsync(cancellationToken);
        var totals = rows.ToDictionary(r => r.Key, r => r.Totals);
        var pledges = companyIds is null ? Pledges(period) : Pledges(period).Where(f => companyIds.Contains(f.CompanyId));
        await AddPledgedAsync(Of(pledges), targetGroup, f => f.CompanyId, f => f.PledgedIn(period.Start, period.End, offerKind), totals, cancellationToken);
        return totals;
    }

    public async Task<YieldTotals> CompanyAsync(Guid companyId, ReportPeriod period, string offerKind, string targetGroup, CancellationToken cancellationToken)
    {
        var (grain, starts) = YieldCellKey.Covering(period, companyCells: companyId != YieldCell.AllianceId, offerKind, targetGroup);
        var totals = await Cells(grain, starts, offerKind, targetGroup)
            .Where(c => c.CompanyId == companyId)
            .GroupBy(c => c.CompanyId)
            .Select(SumBy<Guid>())
            .SingleOrDefaultAsync(cancellationToken);
        var result = totals?.Totals ?? new YieldTotals();
        result.Pledged = await PledgedAsync(PledgesOf(companyId, period.Start, period.End), targetGroup, f => f.PledgedIn(period.Start, period.End, offerKind), cancellationToken);
        return result;
    }

    public Task<YieldTotals> AllianceAsync(ReportPeriod period, string offerKind, string targetGroup, CancellationToken cancellationToken)
        => CompanyAsync(YieldCell.AllianceId, period, offerKind, targetGroup, cancellationToken);

    /// <summary>Totals of every month in the period for one company (or the alliance), for trends: month key → totals.</summary>
    public async Task<Dictionary<int, YieldTotals>> MonthsAsync(Guid companyId, ReportPeriod period, string offerKind, string targetGroup, CancellationToken cancellationToken)
    {
        var starts = period.MonthKeys().ToList();
        var rows = await Cells(YieldGrain.Month, starts, offerKind, targetGroup)
            .Where(c => c.CompanyId == companyId)
            .GroupBy(c => c.PeriodStart)
            .Select(SumBy<int>())
            .ToListAsync(cancellationToken);
        var totals = rows.ToDictionary(r => r.Key, r => r.Totals);
        var months = period.SplitInto(ReportPeriodKind.Month).ToList();
        await AddPledgedPerPartAsync(PledgesOf(companyId, period.Start, period.End), targetGroup, months, offerKind, totals, cancellationToken);
        return totals;
    }

    /// <summary>
    /// The last month up to <paramref name="throughMonth"/> (yyyymm) with a vacancy or placement activity per
    /// company, so that a past period's dormant list is not changed by later activity.
    /// </summary>
    public async Task<Dictionary<Guid, int>> LastActiveMonthAsync(IReadOnlyCollection<Guid> companyIds, int throughMonth, CancellationToken cancellationToken)
        => await db.YieldCells.AsNoTracking()
            .Where(c => c.Grain == YieldGrain.Month && c.OfferKind == YieldCell.All && c.TargetGroup == YieldCell.All && companyIds.Contains(c.CompanyId)
                && c.PeriodStart <= throughMonth
                && (c.VacanciesPosted > 0 || c.PlacementsStarted > 0 || c.PlacementDays > 0))
            .GroupBy(c => c.CompanyId)
            .Select(g => new { g.Key, Last = g.Max(c => c.PeriodStart) })
            .ToDictionaryAsync(r => r.Key, r => r.Last, cancellationToken);

    /// <summary>Totals per offer kind (every target group) for one company or the alliance: offer kind name → totals.</summary>
    public Task<Dictionary<string, YieldTotals>> ByOfferKindAsync(Guid companyId, ReportPeriod period, CancellationToken cancellationToken)
        => ByOfferKindAsync(c => c.CompanyId == companyId, PledgesOf(companyId, period.Start, period.End), companyId != YieldCell.AllianceId, period, cancellationToken);

    /// <summary>Totals per offer kind (every target group), summed over the companies a sub-query selects.</summary>
    public Task<Dictionary<string, YieldTotals>> ByOfferKindAsync(IQueryable<Guid> companyIds, ReportPeriod period, CancellationToken cancellationToken)
        => ByOfferKindAsync(c => companyIds.Contains(c.CompanyId), Of(Pledges(period).Where(f => companyIds.Contains(f.CompanyId))), companyCells: true, period, cancellationToken);

    /// <summary>Quarter totals (all/all) of the years <paramref name="firstYear"/>–<paramref name="lastYear"/> for one company or the alliance: quarter start (yyyymm) → totals.</summary>
    public Task<Dictionary<int, YieldTotals>> QuartersAsync(Guid companyId, int firstYear, int lastYear, CancellationToken cancellationToken)
        => QuartersAsync(c => c.CompanyId == companyId, PledgesOf(companyId, YearsStart(firstYear), YearsEnd(lastYear)), firstYear, lastYear, cancellationToken);

    /// <summary>Totals (every kind and group) for a period, summed over the companies a sub-query selects.</summary>
    public async Task<YieldTotals> TotalsAsync(IQueryable<Guid> companyIds, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (grain, starts) = YieldCellKey.Covering(period, companyCells: true, YieldCell.All, YieldCell.All);
        var sum = await Cells(grain, starts, YieldCell.All, YieldCell.All)
            .Where(c => companyIds.Contains(c.CompanyId))
            .GroupBy(_ => 1)
            .Select(SumBy<int>())
            .SingleOrDefaultAsync(cancellationToken);
        var totals = sum?.Totals ?? new YieldTotals();
        totals.Pledged = await PledgedAsync(Of(Pledges(period).Where(f => companyIds.Contains(f.CompanyId))), YieldCell.All, f => f.PledgedIn(period.Start, period.End, YieldCell.All), cancellationToken);
        return totals;
    }

    /// <summary>Quarter totals (all/all) of the years, summed over the companies a sub-query selects.</summary>
    public Task<Dictionary<int, YieldTotals>> QuartersAsync(IQueryable<Guid> companyIds, int firstYear, int lastYear, CancellationToken cancellationToken)
        => QuartersAsync(c => companyIds.Contains(c.CompanyId), Of(Pledges(YearsStart(firstYear), YearsEnd(lastYear)).Where(f => companyIds.Contains(f.CompanyId))), firstYear, lastYear, cancellationToken);

    private async Task<Dictionary<string, YieldTotals>> ByOfferKindAsync(
        Expression<Func<YieldCell, bool>> companies, PledgeFacts pledges, bool companyCells, ReportPeriod period, CancellationToken cancellationToken)
    {
        // Every kind slice is stored at the same grains, so any kind name picks the covering cells.
        var (grain, starts) = YieldCellKey.Covering(period, companyCells, nameof(OfferKind.OrdinaryJob), YieldCell.All);
        var (first, last) = (starts[0], starts[^1]);
        var rows = await db.YieldCells.AsNoTracking()
            .Where(c => c.Grain == grain && c.PeriodStart >= first && c.PeriodStart <= last && c.OfferKind != YieldCell.All && c.TargetGroup == YieldCell.All)
            .Where(companies)
            .GroupBy(c => c.OfferKind)
            .Select(SumBy<string>())
            .ToListAsync(cancellationToken);
        var totals = rows.ToDictionary(r => r.Key, r => r.Totals);
        var facts = await pledges(cancellationToken);
        foreach (var kind in Enum.GetNames<OfferKind>())
        {
            SetPledged(totals, kind, Sum(facts.Select(f => f.PledgedIn(period.Start, period.End, kind))));
        }

        return totals;
    }

    private async Task<Dictionary<int, YieldTotals>> QuartersAsync(
        Expression<Func<YieldCell, bool>> companies, PledgeFacts pledges, int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        var (first, last) = ((firstYear * 100) + 1, (lastYear * 100) + 12);
        var rows = await db.YieldCells.AsNoTracking()
            .Where(c => c.Grain == YieldGrain.Quarter && c.PeriodStart >= first && c.PeriodStart <= last && c.OfferKind == YieldCell.All && c.TargetGroup == YieldCell.All)
            .Where(companies)
            .GroupBy(c => c.PeriodStart)
            .Select(SumBy<int>())
            .ToListAsync(cancellationToken);
        var totals = rows.ToDictionary(r => r.Key, r => r.Totals);
        var quarters = Enumerable.Range(firstYear, lastYear - firstYear + 1).SelectMany(y => Enumerable.Range(1, 4).Select(q => ReportPeriod.Quarter(y, q))).ToList();
        await AddPledgedPerPartAsync(pledges, YieldCell.All, quarters, YieldCell.All, totals, cancellationToken);
        return totals;
    }

    private IQueryable<YieldCell> Cells(YieldGrain grain, IReadOnlyList<int> starts, string offerKind, string targetGroup)
    {
        var (first, last) = (starts[0], starts[^1]);
        var query = db.YieldCells.AsNoTracking().Where(c => c.Grain == grain && c.OfferKind == offerKind && c.TargetGroup == targetGroup);
        return starts.Count == 1
            ? query.Where(c => c.PeriodStart == starts[0])
            : query.Where(c => c.PeriodStart >= first && c.PeriodStart <= last);
    }

    private static Expression<Func<IGrouping<TKey, YieldCell>, Keyed<TKey>>> SumBy<TKey>() => g => new Keyed<TKey>
    {
        Key = g.Key,
        Totals = new YieldTotals
        {
            VacanciesPosted = g.Sum(c => c.VacanciesPosted),
            PositionsOffered = g.Sum(c => c.PositionsOffered),
            PlacementsStarted = g.Sum(c => c.PlacementsStarted),
            FarFromMarketStarted = g.Sum(c => c.FarFromMarketStarted),
            PlacementDays = g.Sum(c => c.PlacementDays),
            PlacementsEnded = g.Sum(c => c.PlacementsEnded),
            EndedEarly = g.Sum(c => c.EndedEarly),
            EndResultsRecorded = g.Sum(c => c.EndResultsRecorded),
            EndedOrdinaryJob = g.Sum(c => c.EndedOrdinaryJob),
            EndedFlexJob = g.Sum(c => c.EndedFlexJob),
            EndedEducation = g.Sum(c => c.EndedEducation),
            EndedBackOnBenefits = g.Sum(c => c.EndedBackOnBenefits),
            EndedDroppedOut = g.Sum(c => c.EndedDroppedOut),
            ConversionEnded = g.Sum(c => c.ConversionEnded),
            ConvertedToOrdinaryJob = g.Sum(c => c.ConvertedToOrdinaryJob),
            FollowUp1Recorded = g.Sum(c => c.FollowUp1Recorded),
            SelfSupporting1 = g.Sum(c => c.SelfSupporting1),
            FollowUp3Recorded = g.Sum(c => c.FollowUp3Recorded),
            SelfSupporting3 = g.Sum(c => c.SelfSupporting3),
            FollowUp6Recorded = g.Sum(c => c.FollowUp6Recorded),
            SelfSupporting6 = g.Sum(c => c.SelfSupporting6),
            FollowUp12Recorded = g.Sum(c => c.FollowUp12Recorded),
            SelfSupporting12 = g.Sum(c => c.SelfSupporting12),
            Contacts = g.Sum(c => c.Contacts),
            CooperationActivity = g.Sum(c => c.CooperationActivity),
        },
    };

    private sealed class Keyed<TKey>
    {
        public required TKey Key { get; init; }

        public required YieldTotals Totals { get; init; }
    }
}

/// <summary>Members in a period: all, active, with ordinary employees, and of those cooperated with.</summary>
public sealed record MemberCounts(int Members, int Active, int WithEmployees, int Cooperated);
