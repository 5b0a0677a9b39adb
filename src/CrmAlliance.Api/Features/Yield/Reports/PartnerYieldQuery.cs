using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
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
    double? Score,
    bool ScoreSuppressed,
    int ScoreBasis,
    YieldPosition? Overall,
    YieldPosition? InIndustrySection,
    YieldPosition? InSizeBand,
    int? SuppressionThreshold);

/// <summary>
/// partnerYield: staff read any company; a company user only its own, with small counts of citizens' outcomes
/// suppressed and its place among peers given without naming them (medians hidden for groups below the threshold).
/// What a company user's view withholds is decided on the period and each of its months
/// (<see cref="YieldSuppression.Disclose(YieldFigures, IEnumerable{YieldTotals}, YieldSlice)"/>); when the score
/// is withheld, so are the places among peers, which are read from it.
/// </summary>
public sealed class PartnerYieldQuery(CrmDbContext db, YieldCellReader reader, YieldRankings rankings, YieldOptions options)
{
    public Task<PartnerYieldView> GetAsync(Guid companyId, string period, YieldSlice slice, Actor actor, CancellationToken cancellationToken)
        => GetAsync(companyId, period, slice, withPositions: true, actor, cancellationToken);

    /// <summary>
    /// As above; without <paramref name="withPositions"/> the places among peers are left out (null), and with them the
    /// ranking of every member, which is computed afresh after each change to the read model: for views of the
    /// company's own figures only, such as the company page.
    /// </summary>
    public async Task<PartnerYieldView> GetAsync(Guid companyId, string period, YieldSlice slice, bool withPositions, Actor actor, CancellationToken cancellationToken)
    {
        actor.RequireCompanyAccess(companyId);
        var reportPeriod = ReportPeriod.Parse(period);
        var company = await db.FindYieldCompanyAsync(companyId, cancellationToken);

        var threshold = YieldSuppression.ThresholdFor(actor, options);
        var suppression = YieldSuppression.With(threshold);
        suppression.RequireWholeTargetGroups(slice);
        var totals = await reader.CompanyAsync(companyId, reportPeriod, slice.OfferKindKey, slice.TargetGroupKey, cancellationToken);
        var byKind = await reader.ByOfferKindAsync(companyId, reportPeriod, cancellationToken);
        var ranked = withPositions ? (await rankings.RankAsync(reportPeriod, slice, cancellationToken)).Of(companyId) : null;
        var figures = new YieldFigures(totals, options);
        IEnumerable<YieldTotals> months = suppression == YieldSuppression.None ? [] : (await reader.MonthsAsync(companyId, reportPeriod, slice.OfferKindKey, slice.TargetGroupKey, cancellationToken)).Values;
        var shown = suppression.Disclose(figures, months, slice);
        var positions = shown.ScoreWithheld ? null : ranked;
        return new PartnerYieldView(
            YieldCompanyView.From(company, options),
            reportPeriod,
            slice,
            options.DefinitionLabel,
            new YieldMeasuresView(figures, shown),
            YieldOfferKindView.From(byKind, slice, options),
            shown.ScoreWithheld ? null : figures.Score(company.OrdinaryEmployees),
            shown.ScoreWithheld,
            figures.ScoreBasis(company.OrdinaryEmployees),
            positions?.Overall.For(suppression),
            positions?.InIndustrySection.For(suppression),
            positions?.InSizeBand.For(suppression),
            threshold);
    }
}
