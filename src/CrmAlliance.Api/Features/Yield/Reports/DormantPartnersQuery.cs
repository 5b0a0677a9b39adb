using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>A member with no vacancy posted and no placement running in the period.</summary>
public sealed record DormantPartnerView(YieldCompanyView Company, string? ConsultantName, DateOnly? LastActiveMonth, int Contacts, double Pledged);

/// <summary>
/// dormantPartners (staff): members not active in the period (<see cref="YieldFigures.Active"/>), longest dormant
/// first: never active before the period's end, then by the last active month, then by name. The members and their
/// figures are the ranking's (<see cref="YieldRankings"/>), and the sorted list is kept in <see cref="YieldReportCache"/>
/// while the read model is unchanged: the dashboard pages through it on every visit.
/// </summary>
public sealed class DormantPartnersQuery(CrmDbContext db, YieldRankings rankings, YieldCellReader reader, YieldLastActiveMonths lastActiveMonths, YieldOptions options, YieldReportCache cache)
{
    public async Task<YieldPage<DormantPartnerView>> ListAsync(string period, string? industrySection, string? consultantId, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin, Role.Consultant, Role.Manager);
        var reportPeriod = ReportPeriod.Parse(period);
        var filter = YieldCompanyFilter.Parse(industrySection, null, consultantId, options);
        page.Validate();

        var sorted = await cache.GetOrComputeAsync(db, $"dormant|{reportPeriod.Label}|{filter}", () => SortedAsync(reportPeriod, filter, cancellationToken), cancellationToken);
        var onPage = sorted.Skip(page.Offset).Take(page.Size).ToList();

        var consultantIds = onPage.Select(d => d.Company.ResponsibleConsultantId).OfType<string>().Distinct().ToList();
        var consultants = consultantIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => consultantIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var items = onPage.Select(d => new DormantPartnerView(
            YieldCompanyView.From(d.Company, options),
            d.Company.ResponsibleConsultantId is { } consultant ? consultants.GetValueOrDefault(consultant) : null,
            d.LastActive is { } key ? new DateOnly(key / 100, key % 100, 1) : null,
            d.Figures.Contacts,
            d.Figures.Pledged)).ToList();
        return new YieldPage<DormantPartnerView>(new Page<DormantPartnerView>(items, sorted.Count, page.Offset), reportPeriod.Label, options.DefinitionLabel);
    }

    /// <summary>
    /// Reads what the period's list is made of — every member's totals, their ranking and the dormant members' last
    /// active months — into the in-memory stores that visits then find current (<see cref="YieldReportWarmer"/>).
    /// </summary>
    public Task WarmAsync(ReportPeriod period, CancellationToken cancellationToken) => SortedAsync(period, new YieldCompanyFilter(null, null, null), cancellationToken);

    private async Task<IReadOnlyList<Dormant>> SortedAsync(ReportPeriod period, YieldCompanyFilter filter, CancellationToken cancellationToken)
    {
        var members = await rankings.RankAsync(period, YieldSlice.Whole, cancellationToken);
        var wanted = filter.IsEmpty ? null : filter.Apply(members.Select(m => m.Source).AsQueryable()).Select(c => c.CompanyId).ToHashSet();
        var dormant = members.Where(m => !m.Figures.Active && (wanted is null || wanted.Contains(m.Company.Id))).ToList();
        var lastActive = await lastActiveMonths.OfAsync(db, reader, dormant.Select(d => d.Company.Id).ToList(), ReportPeriod.MonthKey(period.LastMonth), cancellationToken);
        return dormant
            .Select(d => new Dormant(d.Source, d.Figures, lastActive.TryGetValue(d.Company.Id, out var month) ? month : null))
            .OrderBy(d => d.LastActive ?? 0).ThenBy(d => d.Company.Name, StringComparer.Ordinal).ThenBy(d => d.Company.CompanyId)
            .ToList();
    }

    private sealed record Dormant(YieldCompany Company, YieldFigures Figures, int? LastActive);
}
