using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>One company's yield for a period and slice, as the reader may see it.</summary>
public sealed record PartnerYieldView(
    YieldCompanyView Company,
    ReportPeriod Period,
    YieldSlice Slice,
    string DefinitionVersion,
    YieldMeasuresView Measures,
    IReadOnlyList<YieldOfferKindView> ByOfferKind,
    double Score,
    int ScoreBasis,
    YieldPosition? Overall,
    YieldPosition? InIndustrySection,
    YieldPosition? InSizeBand,
    int? SuppressionThreshold);

/// <summary>
/// partnerYield: staff read any company; a company user only its own, with small counts of citizens' outcomes
/// suppressed and its place among peers given without naming them (medians hidden for groups below the threshold).
/// </summary>
public sealed class PartnerYieldQuery(CrmDbContext db, YieldCellReader reader, YieldRankings rankings, YieldOptions options)
{
    public async Task<PartnerYieldView> GetAsync(Guid companyId, string period, YieldSlice slice, Actor actor, CancellationToken cancellationToken)
    {
        actor.RequireCompanyAccess(companyId);
        var reportPeriod = ReportPeriod.Parse(period);
        var company = await db.FindYieldCompanyAsync(companyId, cancellationToken);

        var threshold = YieldSuppression.ThresholdFor(actor, options);
        var suppression = YieldSuppression.With(threshold);
        var totals = await reader.CompanyAsync(companyId, reportPeriod, slice.OfferKindKey, slice.TargetGroupKey, cancellationToken);
        var byKind = await reader.ByOfferKindAsync(companyId, reportPeriod, cancellationToken);
        var ranked = (await rankings.RankAsync(reportPeriod, slice, cancellationToken)).SingleOrDefault(r => r.Company.Id == companyId);
        var figures = new YieldFigures(totals, options);
        return new PartnerYieldView(
            YieldCompanyView.From(company, options),
            reportPeriod,
            slice,
            options.DefinitionLabel,
            new YieldMeasuresView(figures, suppression),
            YieldOfferKindView.From(byKind, slice, options),
            figures.Score(company.OrdinaryEmployees),
            figures.ScoreBasis(company.OrdinaryEmployees),
            ranked?.Overall.For(suppression),
            ranked?.InIndustrySection.For(suppression),
            ranked?.InSizeBand.For(suppression),
            threshold);
    }
}
