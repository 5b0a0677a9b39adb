using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Reports;
using CrmAlliance.Api.Features.Yield.Targets;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using static CrmAlliance.Api.Features.Yield.Monitoring.MonitoringCodes;

namespace CrmAlliance.Api.Features.Yield.Monitoring;

/// <summary>
/// Builds the monitoring report for the political level and the local employment council (LBR) from the yield
/// read model only (cells, YieldCompanies, YieldState), then suppresses it: it leaves the jobcenter. It has no
/// per-company rows at all, so no company and no citizen is ever named.
/// </summary>
public sealed class MonitoringReportBuilder(CrmDbContext db, YieldCellReader cells, EffectTargetResults targets, YieldOptions options, TimeProvider clock)
{
    /// <summary>Managers and Admins; the period is read only once the reader may have the report.</summary>
    public async Task<MonitoringReport> BuildAsync(string? period, Actor? actor, CancellationToken cancellationToken)
    {
        if (actor is null)
        {
            throw new UnauthenticatedException();
        }

        actor.Require(Role.Manager, Role.Admin);
        var reportPeriod = ReportPeriod.Parse(period, "period");
        var rows = await CollectAsync(reportPeriod, cancellationToken);
        MonitoringSuppression.Apply(rows, options.SuppressionThreshold);

        var asOf = await db.YieldState.AsNoTracking().Select(s => (DateOnly?)s.DaysBookedThrough).FirstOrDefaultAsync(cancellationToken);
        return new MonitoringReport(
            reportPeriod, EffectTargetResults.TargetYearOf(reportPeriod), options.DefinitionLabel, asOf, clock.GetUtcNow(), options.SuppressionThreshold, rows);
    }

    /// <summary>Every figure before suppression, in the order the report shows them.</summary>
    private async Task<List<MonitoringRow>> CollectAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var companies = await db.YieldCompanies.AsNoTracking().ToListAsync(cancellationToken);
        var members = companies.AsQueryable().Where(YieldMembers.Of(period)).ToList();
        var byCompany = await cells.ByCompanyAsync(period, All, All, cancellationToken);
        var alliance = await cells.AllianceAsync(period, All, All, cancellationToken);

        var rows = new List<MonitoringRow>();
        AddAlliance(rows, members, byCompany, alliance);
        await AddOfferKindsAsync(rows, period, alliance, cancellationToken);
        await AddTargetGroupsAsync(rows, period, alliance, cancellationToken);
        await AddQuartersAsync(rows, period, members, (alliance, byCompany), cancellationToken);
        AddEffectTargets(rows, await targets.EvaluateAsync(null, period, null, cancellationToken));
        AddIndustrySections(rows, companies, members, byCompany);
        return rows;
    }

    private void AddAlliance(List<MonitoringRow> rows, List<YieldCompany> members, Dictionary<Guid, YieldTotals> byCompany, YieldTotals alliance)
    {
        var active = members.Count(m => Figures(byCompany.GetValueOrDefault(m.CompanyId)).Active);
        rows.Add(MonitoringRow.Count(AllianceSection, Members, All, members.Count));
        rows.Add(MonitoringRow.Count(AllianceSection, Members, Active, active));
        rows.Add(MonitoringRow.Count(AllianceSection, Members, Dormant, members.Count - active));

        // samarbejdsgrad: of the members with at least one ordinary employee, those the jobcenter cooperated with.
        var employing = members.Where(m => m.OrdinaryEmployees >= 1).ToList();
        var cooperating = employing.Count(m => byCompany.GetValueOrDefault(m.CompanyId)?.CooperationActivity > 0);
        rows.Add(MonitoringRow.Share(AllianceSection, CooperationShare, All, new YieldRate(cooperating, employing.Count), partitioned: false));

        // A free-labour risk is a risk whoever hosts the internships: every company, member or not.
        rows.Add(MonitoringRow.Count(AllianceSection, FreeLabourRisk, All, byCompany.Values.Count(t => Figures(t).FreeLabourRisk), partitioned: false));
        rows.Add(MonitoringRow.Count(AllianceSection, Contacts, All, alliance.Contacts, partitioned: false));
    }

    private async Task AddOfferKindsAsync(List<MonitoringRow> rows, ReportPeriod period, YieldTotals alliance, CancellationToken cancellationToken)
    {
        var byKind = await cells.ByOfferKindAsync(YieldCell.AllianceId, period, cancellationToken);
        var slices = new List<(string Slice, YieldFigures Figures)> { (All, Figures(alliance)) };
        slices.AddRange(Enum.GetValues<OfferKind>().Select(kind => (kind.ToString(), Figures(byKind.GetValueOrDefault(kind.ToString())))));

        var conversionSlices = options.ConversionKinds.Select(k => k.ToString()).Append(All).ToHashSet();
        foreach (var (slice, f) in slices)
        {
            rows.Add(MonitoringRow.Count(OfferKindSection, VacanciesPosted, slice, f.VacanciesPosted));
            rows.Add(MonitoringRow.Count(OfferKindSection, PositionsOffered, slice, f.PositionsOffered));
            rows.Add(MonitoringRow.Count(OfferKindSection, PlacementsStarted, slice, f.PlacementsStarted));
            rows.Add(MonitoringRow.Amount(OfferKindSection, PlacementWeeks, slice, (decimal)f.PlacementWeeks));
            rows.Add(MonitoringRow.Count(OfferKindSection, PlacementsEnded, slice, f.PlacementsEnded));
            AddResults(rows, OfferKindSection, slice, f, withReach: true, withConversion: conversionSlices.Contains(slice));
            rows.Add(MonitoringRow.Plain(OfferKindSection, Pledged, slice, (decimal)f.Pledged));
            rows.Add(MonitoringRow.Ratio(OfferKindSection, PledgeFulfilment, slice, f.PlacementsStarted, (decimal)f.Pledged, f.PledgeFulfilment));
        }
    }

    private async Task AddTargetGroupsAsync(List<MonitoringRow> rows, ReportPeriod period, YieldTotals alliance, CancellationToken cancellationToken)
    {
        var groups = Enum.GetNames<TargetGroup>();
        var byGroup = await cells.SlicesAsync(YieldCell.AllianceId, period, groups.Select(g => (All, g)).ToList(), cancellationToken);
        var slices = new List<(string Slice, YieldFigures Figures)> { (All, Figures(alliance)) };
        slices.AddRange(groups.Select(g => (g, Figures(byGroup.GetValueOrDefault((All, g))))));

        foreach (var (slice, f) in slices)
        {
            rows.Add(MonitoringRow.Count(TargetGroupSection, PlacementsStarted, slice, f.PlacementsStarted));
            rows.Add(MonitoringRow.Count(TargetGroupSection, PlacementsEnded, slice, f.PlacementsEnded));
            AddResults(rows, TargetGroupSection, slice, f, withReach: false, withConversion: false);
        }
    }

    private static void AddResults(List<MonitoringRow> rows, string section, string slice, YieldFigures f, bool withReach, bool withConversion)
    {
        if (withReach)
        {
            rows.Add(MonitoringRow.Share(section, Of(TargetMeasure.Reach), slice, f.Reach));
        }

        foreach (var measure in new[] { TargetMeasure.WorkOrEducation, TargetMeasure.SelfSupportingAfter1Month, TargetMeasure.SelfSupportingAfter3Months, TargetMeasure.SelfSupportingAfter6Months, TargetMeasure.SelfSupportingAfter12Months })
        {
            rows.Add(MonitoringRow.Share(section, Of(measure), slice, f.RateOf(measure)));
        }

        if (withConversion)
        {
            rows.Add(MonitoringRow.Share(section, Of(TargetMeasure.Conversion), slice, f.Conversion));
        }
    }

    /// <summary>The period's quarters (clipped to the period), then the whole period as "All".</summary>
    private async Task AddQuartersAsync(List<MonitoringRow> rows, ReportPeriod period, List<YieldCompany> members, (YieldTotals Alliance, Dictionary<Guid, YieldTotals> ByCompany) whole, CancellationToken cancellationToken)
    {
        // Every quarter's totals in one read; the whole period's were read already.
        var quarters = await cells.QuarterPartsAsync(period, cancellationToken);
        var parts = period.SplitInto(ReportPeriodKind.Quarter).Select(q => (Slice: q.Label, Period: q)).Append((Slice: All, Period: period)).ToList();
        foreach (var (slice, part) in parts)
        {
            var (alliance, byCompany) = slice == All ? whole : SplitAlliance(quarters[ReportPeriod.MonthKey(part.FirstMonth)]);
            var f = Figures(alliance);
            rows.Add(MonitoringRow.Count(QuarterSection, VacanciesPosted, slice, f.VacanciesPosted));
            rows.Add(MonitoringRow.Count(QuarterSection, PlacementsStarted, slice, f.PlacementsStarted));
            rows.Add(MonitoringRow.Amount(QuarterSection, PlacementWeeks, slice, (decimal)f.PlacementWeeks));
            rows.Add(MonitoringRow.Share(QuarterSection, Of(TargetMeasure.WorkOrEducation), slice, f.WorkOrEducation));
            rows.Add(MonitoringRow.Share(QuarterSection, Of(TargetMeasure.SelfSupportingAfter6Months), slice, f.SelfSupportingAfter6Months));

            // A partner active in two quarters counts in both: the quarters do not add up to the period.
            var active = members.Count(m => Figures(byCompany.GetValueOrDefault(m.CompanyId)).Active);
            rows.Add(MonitoringRow.Count(QuarterSection, ActivePartners, slice, active, partitioned: false));
        }
    }

    private static void AddEffectTargets(List<MonitoringRow> rows, EffectTargetResultsView evaluation)
    {
        foreach (var result in evaluation.Results)
        {
            var rate = new YieldRate(result.Count ?? 0, result.Base ?? 0);
            rows.Add(MonitoringRow.Share(EffectTargetSection, Of(result.Target.Measure), TargetSlice(result.Target), rate, partitioned: false, target: result.Target.TargetPercent));
        }
    }

    /// <summary>
    /// By DB07 section: every company's activity (members or not), members and active members; empty sections left out,
    /// and sections with fewer companies behind them (members or active) than the suppression threshold withheld.
    /// </summary>
    private void AddIndustrySections(List<MonitoringRow> rows, List<YieldCompany> companies, List<YieldCompany> members, Dictionary<Guid, YieldTotals> byCompany)
    {
        var sectionOf = companies.ToDictionary(c => c.CompanyId, c => c.IndustrySection);
        var activity = byCompany.GroupBy(c => sectionOf.GetValueOrDefault(c.Key, "?")).ToDictionary(g => g.Key, g => Sum(g.Select(c => c.Value)));
        var memberCounts = members.GroupBy(m => m.IndustrySection).ToDictionary(g => g.Key, g => g.Count());
        var activeCounts = members.Where(m => Figures(byCompany.GetValueOrDefault(m.CompanyId)).Active).GroupBy(m => m.IndustrySection).ToDictionary(g => g.Key, g => g.Count());
        var sections = activity.Keys.Union(memberCounts.Keys).Order(StringComparer.Ordinal).Select(s => (Slice: s, Totals: activity.GetValueOrDefault(s) ?? new YieldTotals()))
            .Append((Slice: All, Totals: Sum(byCompany.Values)));
        // A section with only a few companies behind it would all but name them: it is withheld whole.
        var companiesBehind = members.Select(m => m.CompanyId).Union(byCompany.Keys).GroupBy(id => sectionOf.GetValueOrDefault(id, "?")).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (slice, totals) in sections)
        {
            var first = rows.Count;
            var f = Figures(totals);
            rows.Add(MonitoringRow.Count(IndustrySection, Members, slice, slice == All ? members.Count : memberCounts.GetValueOrDefault(slice)));
            rows.Add(MonitoringRow.Count(IndustrySection, ActivePartners, slice, slice == All ? activeCounts.Values.Sum() : activeCounts.GetValueOrDefault(slice)));
            rows.Add(MonitoringRow.Count(IndustrySection, PositionsOffered, slice, f.PositionsOffered));
            rows.Add(MonitoringRow.Count(IndustrySection, PlacementsStarted, slice, f.PlacementsStarted));
            rows.Add(MonitoringRow.Share(IndustrySection, Of(TargetMeasure.Reach), slice, f.Reach));
            rows.Add(MonitoringRow.Share(IndustrySection, Of(TargetMeasure.WorkOrEducation), slice, f.WorkOrEducation));
            rows.Add(MonitoringRow.Share(IndustrySection, Of(TargetMeasure.SelfSupportingAfter6Months), slice, f.SelfSupportingAfter6Months));
            if (slice != All && new YieldSuppression(options.SuppressionThreshold).Hides(companiesBehind.GetValueOrDefault(slice)))
            {
                rows[first..].ForEach(r => r.WithholdAll());
            }
        }
    }

    private YieldFigures Figures(YieldTotals? totals) => new(totals ?? new YieldTotals(), options);

    /// <summary>The alliance's totals and the companies' (the alliance's row taken out).</summary>
    private static (YieldTotals Alliance, Dictionary<Guid, YieldTotals> ByCompany) SplitAlliance(Dictionary<Guid, YieldTotals> totals)
        => (totals.GetValueOrDefault(YieldCell.AllianceId) ?? new YieldTotals(), totals.Where(t => t.Key != YieldCell.AllianceId).ToDictionary(t => t.Key, t => t.Value));

    private static YieldTotals Sum(IEnumerable<YieldTotals> totals)
    {
        var sum = new YieldTotals();
        foreach (var t in totals)
        {
            sum.Add(t);
        }

        return sum;
    }
}
