using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>A member with no vacancy posted and no placement running in the period.</summary>
public sealed record DormantPartnerView(YieldCompanyView Company, string? ConsultantName, DateOnly? LastActiveMonth, int Contacts, double Pledged);

/// <summary>
/// dormantPartners (staff): members not active in the period (<see cref="YieldFigures.Active"/>), longest dormant
/// first: never active before the period's end, then by the last active month, then by name.
/// </summary>
public sealed class DormantPartnersQuery(CrmDbContext db, YieldCellReader reader, YieldOptions options)
{
    public async Task<YieldPage<DormantPartnerView>> ListAsync(string period, string? industrySection, string? consultantId, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin, Role.Consultant, Role.Manager);
        var reportPeriod = ReportPeriod.Parse(period);
        var filter = YieldCompanyFilter.Parse(industrySection, null, consultantId, options);
        page.Validate();

        var members = await filter.Apply(db.YieldCompanies.AsNoTracking()).Where(YieldMembers.Of(reportPeriod)).ToListAsync(cancellationToken);
        var totals = await reader.ByCompanyAsync(reportPeriod, YieldCell.All, YieldCell.All, cancellationToken);
        var dormant = members
            .Select(m => (Company: m, Figures: new YieldFigures(totals.GetValueOrDefault(m.CompanyId) ?? new YieldTotals(), options)))
            .Where(m => !m.Figures.Active)
            .ToList();
        var lastActive = await reader.LastActiveMonthAsync(dormant.Select(d => d.Company.CompanyId).ToList(), ReportPeriod.MonthKey(reportPeriod.LastMonth), cancellationToken);

        var sorted = dormant
            .Select(d => (d.Company, d.Figures, LastActive: lastActive.TryGetValue(d.Company.CompanyId, out var month) ? month : (int?)null))
            .OrderBy(d => d.LastActive ?? 0).ThenBy(d => d.Company.Name, StringComparer.Ordinal).ThenBy(d => d.Company.CompanyId)
            .ToList();
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
}
