using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>The alliance in a period: its members, active and dormant, cooperation share, totals and quarterly trend.</summary>
public sealed record AllianceSummaryView(
    ReportPeriod Period,
    string DefinitionVersion,
    int Members,
    int ActiveMembers,
    int MembersWithEmployees,
    int CooperatedMembers,
    YieldMeasuresView Totals,
    IReadOnlyList<YieldOfferKindView> ByOfferKind,
    IReadOnlyList<YieldTrendPoint> Quarters)
{
    public int DormantMembers => Members - ActiveMembers;

    public double? ActiveShare => Members == 0 ? null : (double)ActiveMembers / Members;

    public double? CooperationShare => MembersWithEmployees == 0 ? null : (double)CooperatedMembers / MembersWithEmployees;
}

/// <summary>
/// allianceSummary (staff). Member counts cover members; totals, kinds and quarters cover every company the
/// read model knows (members and the other companies the jobcenter worked with) that meets the filter. Without
/// a filter they are read from the alliance's own cells (one row each); with one, summed over the companies.
/// </summary>
public sealed class AllianceSummaryQuery(CrmDbContext db, YieldCellReader reader, YieldOptions options, YieldReportCache cache, YieldMemberTotals memberTotals)
{
    public async Task<AllianceSummaryView> GetAsync(string period, string? industrySection, string? sizeBand, string? consultantId, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin, Role.Consultant, Role.Manager);
        var reportPeriod = ReportPeriod.Parse(period);
        var filter = YieldCompanyFilter.Parse(industrySection, sizeBand, consultantId, options);
        return await cache.GetOrComputeAsync(
            db,
            $"summary|{reportPeriod.Label}|{filter}",
            () => ComputeAsync(reportPeriod, filter, cancellationToken),
            cancellationToken);
    }

    private async Task<AllianceSummaryView> ComputeAsync(ReportPeriod reportPeriod, YieldCompanyFilter filter, CancellationToken cancellationToken)
    {
        var filtered = filter.Apply(db.YieldCompanies.AsNoTracking());
        var members = await MemberCountsAsync(reportPeriod, filter, cancellationToken);

        var (firstYear, lastYear) = (reportPeriod.FirstMonth.Year, reportPeriod.LastMonth.Year);
        YieldTotals totals;
        Dictionary<string, YieldTotals> byKind;
        Dictionary<int, YieldTotals> quarters;
        if (filter.IsEmpty)
        {
            totals = await reader.AllianceAsync(reportPeriod, YieldCell.All, YieldCell.All, cancellationToken);
            byKind = await reader.ByOfferKindAsync(YieldCell.AllianceId, reportPeriod, cancellationToken);
            quarters = await reader.QuartersAsync(YieldCell.AllianceId, firstYear, lastYear, cancellationToken);
        }
        else
        {
            var ids = filtered.Select(c => c.CompanyId);
            totals = await reader.TotalsAsync(ids, reportPeriod, cancellationToken);
            byKind = await reader.ByOfferKindAsync(ids, reportPeriod, cancellationToken);
            quarters = await reader.QuartersAsync(ids, firstYear, lastYear, cancellationToken);
        }

        return new AllianceSummaryView(
            reportPeriod,
            options.DefinitionLabel,
            members.Members,
            members.Active,
            members.WithEmployees,
            members.Cooperated,
            new YieldMeasuresView(new YieldFigures(totals, options)),
            YieldOfferKindView.From(byKind, YieldSlice.Whole, options),
            Enumerable.Range(firstYear, lastYear - firstYear + 1)
                .SelectMany(year => Enumerable.Range(1, 4).Select(quarter => ReportPeriod.Quarter(year, quarter)))
                .Select(q => new YieldTrendPoint(q, new YieldMeasuresView(new YieldFigures(quarters.GetValueOrDefault(ReportPeriod.MonthKey(q.FirstMonth)) ?? new YieldTotals(), options)), null))
                .ToList());
    }

    /// <summary>
    /// Members, active, with employees and cooperated with, counted from every member's totals kept in memory
    /// (<see cref="YieldMemberTotals"/>): after an event only the changed companies are read, not every member.
    /// Active as <see cref="YieldFigures.Active"/>; cooperated as the cooperation share counts it.
    /// </summary>
    private async Task<MemberCounts> MemberCountsAsync(ReportPeriod period, YieldCompanyFilter filter, CancellationToken cancellationToken)
    {
        var snapshot = await memberTotals.CurrentAsync(db, reader, period, YieldSlice.Whole, cancellationToken);
        var members = filter.IsEmpty ? snapshot.Members.Values : filter.Apply(snapshot.Members.Values.AsQueryable()).ToList();
        var (count, active, withEmployees, cooperated) = (0, 0, 0, 0);
        foreach (var member in members)
        {
            var totals = snapshot.Totals.GetValueOrDefault(member.CompanyId);
            count++;
            active += totals is not null && new YieldFigures(totals, options).Active ? 1 : 0;
            if (member.OrdinaryEmployees >= 1)
            {
                withEmployees++;
                cooperated += totals is not null && totals.CooperationActivity > 0 ? 1 : 0;
            }
        }

        return new MemberCounts(count, active, withEmployees, cooperated);
    }
}
