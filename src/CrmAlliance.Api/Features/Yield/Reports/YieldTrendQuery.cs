using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>A series of periods for one company (or the alliance, <see cref="Company"/> null).</summary>
public sealed record YieldTrendView(YieldCompanyView? Company, ReportPeriod Range, YieldGrain Grain, YieldSlice Slice, string DefinitionVersion, IReadOnlyList<YieldTrendPoint> Points, int? SuppressionThreshold);

/// <summary>
/// yieldTrend: a company's (company users: their own) or the alliance's (staff) measures per month, quarter or
/// year from the first month of <c>from</c> to the last of <c>to</c>. Reads the range's month cells in one query
/// and adds them up per point; points at the range's edges cover only its months (e.g. "2025-02..2025-03").
/// </summary>
public sealed class YieldTrendQuery(CrmDbContext db, YieldCellReader reader, YieldOptions options)
{
    public async Task<YieldTrendView> GetAsync(Guid? companyId, string from, string to, YieldGrain grain, YieldSlice slice, Actor actor, CancellationToken cancellationToken)
    {
        if (companyId is { } id)
        {
            actor.RequireCompanyAccess(id);
        }
        else
        {
            actor.Require(Role.Admin, Role.Consultant, Role.Manager);
        }

        var range = Range(from, to);
        var company = companyId is { } wanted ? await db.FindYieldCompanyAsync(wanted, cancellationToken) : null;
        var threshold = YieldSuppression.ThresholdFor(actor, options);
        var suppression = YieldSuppression.With(threshold);
        suppression.RequireWholeTargetGroups(slice);
        var months = await reader.MonthsAsync(companyId ?? YieldCell.AllianceId, range, slice.OfferKindKey, slice.TargetGroupKey, cancellationToken);

        var points = range.SplitInto(UnitOf(grain)).Select(bucket =>
        {
            var totals = new YieldTotals();
            var inBucket = new List<YieldTotals>();
            foreach (var month in bucket.MonthKeys())
            {
                if (months.TryGetValue(month, out var counts))
                {
                    totals.Add(counts);
                    inBucket.Add(counts);
                }
            }

            // Each point is withheld on the same rule as partnerYield for its period.
            var figures = new YieldFigures(totals, options);
            var shown = suppression.Disclose(figures, inBucket, slice);
            var score = company is null || shown.ScoreWithheld ? null : (double?)figures.Score(company.OrdinaryEmployees);
            return new YieldTrendPoint(bucket, new YieldMeasuresView(figures, shown), score, company is not null && shown.ScoreWithheld);
        }).ToList();

        return new YieldTrendView(
            company is null ? null : YieldCompanyView.From(company, options),
            range,
            grain,
            slice,
            options.DefinitionLabel,
            points,
            threshold);
    }

    private static ReportPeriod Range(string from, string to)
    {
        var first = ReportPeriod.Parse(from, "from");
        var last = ReportPeriod.Parse(to, "to");
        new Validator().Check(last.LastMonth >= first.FirstMonth, "to", RefusalText.Of("Yield.EndsBeforeStart", ("to", to), ("from", from))).ThrowIfInvalid();
        var range = ReportPeriod.Months(first.FirstMonth, last.LastMonth);
        new Validator().Check(range.MonthCount <= ReportPeriod.MaxMonths, "to", RefusalText.Of("Yield.TrendTooLong", ("months", range.MonthCount), ("max", ReportPeriod.MaxMonths)))
.ThrowIfInvalid();
        return range;
    }

    /// <summary>The trend's points are the range cut at calendar month, quarter or year boundaries.</summary>
    private static ReportPeriodKind UnitOf(YieldGrain grain) => grain switch
    {
        YieldGrain.Month => ReportPeriodKind.Month,
        YieldGrain.Quarter => ReportPeriodKind.Quarter,
        _ => ReportPeriodKind.Year,
    };
}
