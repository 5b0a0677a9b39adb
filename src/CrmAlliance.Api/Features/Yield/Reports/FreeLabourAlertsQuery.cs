using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>A company whose internships and wage-subsidy placements ended in the period with few hires (<see cref="YieldFigures.FreeLabourRisk"/>).</summary>
public sealed record FreeLabourAlert(YieldCompanyView Company, YieldFigures Figures);

/// <summary>
/// Free-labour alerts (staff): every company the read model knows — member or not, as the monitoring report counts
/// them — with a free-labour risk in the period, the lowest hire rate first, then the most placements ended, then by
/// name. Kept in <see cref="YieldReportCache"/> while the read model is unchanged.
/// </summary>
public sealed class FreeLabourAlertsQuery(CrmDbContext db, YieldCellReader reader, YieldOptions options, YieldReportCache cache)
{
    public async Task<YieldPage<FreeLabourAlert>> ListAsync(string period, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin, Role.Consultant, Role.Manager);
        var reportPeriod = ReportPeriod.Parse(period);
        page.Validate();

        var alerts = await cache.GetOrComputeAsync(db, $"free-labour|{reportPeriod.Label}", () => ComputeAsync(reportPeriod, cancellationToken), cancellationToken);
        var items = alerts.Skip(page.Offset).Take(page.Size).ToList();
        return new YieldPage<FreeLabourAlert>(new Page<FreeLabourAlert>(items, alerts.Count, page.Offset), reportPeriod.Label, options.DefinitionLabel);
    }

    private async Task<IReadOnlyList<FreeLabourAlert>> ComputeAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var totals = await reader.ByCompanyAsync(period, YieldCell.All, YieldCell.All, cancellationToken);
        var flagged = totals
            .Select(t => (Id: t.Key, Figures: new YieldFigures(t.Value, options)))
            .Where(t => t.Figures.FreeLabourRisk)
            .ToDictionary(t => t.Id, t => t.Figures);
        if (flagged.Count == 0)
        {
            return [];
        }

        var ids = flagged.Keys.ToList();
        var companies = await db.YieldCompanies.AsNoTracking().Where(c => ids.Contains(c.CompanyId)).ToListAsync(cancellationToken);
        return companies
            .Select(c => new FreeLabourAlert(YieldCompanyView.From(c, options), flagged[c.CompanyId]))
            .OrderBy(a => a.Figures.Conversion.Rate ?? 0)
            .ThenByDescending(a => a.Figures.Totals.ConversionEnded)
            .ThenBy(a => a.Company.Name, StringComparer.Ordinal)
            .ThenBy(a => a.Company.Id)
            .ToList();
    }
}
