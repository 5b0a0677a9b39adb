using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Yield.ReadModel;

/// <summary>The primary key of a <see cref="YieldCell"/>.</summary>
public readonly record struct YieldCellKey(Guid CompanyId, YieldGrain Grain, int PeriodStart, string OfferKind, string TargetGroup)
{
    /// <summary>
    /// Every cell a monthly count for one company, offer kind and target group adds to: the company's month
    /// cells for the four slices (kind × group, kind, group, whole), its quarter and year cells for the whole,
    /// and the alliance's cells for every grain and slice. "All" values collapse duplicate slices.
    /// </summary>
    public static IEnumerable<YieldCellKey> Touched(Guid companyId, int monthKey, string offerKind, string targetGroup)
    {
        var year = monthKey / 100;
        var month = monthKey % 100;
        var quarterStart = (year * 100) + (((month - 1) / 3 * 3) + 1);
        var yearStart = (year * 100) + 1;
        foreach (var (kind, group) in Slices(offerKind, targetGroup))
        {
            yield return new(companyId, YieldGrain.Month, monthKey, kind, group);
            yield return new(YieldCell.AllianceId, YieldGrain.Month, monthKey, kind, group);
            yield return new(YieldCell.AllianceId, YieldGrain.Quarter, quarterStart, kind, group);
            yield return new(YieldCell.AllianceId, YieldGrain.Year, yearStart, kind, group);
            if (kind == YieldCell.All && group == YieldCell.All)
            {
                yield return new(companyId, YieldGrain.Quarter, quarterStart, kind, group);
                yield return new(companyId, YieldGrain.Year, yearStart, kind, group);
            }
        }
    }

    /// <summary>The cell a report for one period reads for a slice: year and quarter cells where they exist, else months.</summary>
    public static (YieldGrain Grain, IReadOnlyList<int> PeriodStarts) Covering(ReportPeriod period, bool companyCells, string offerKind, string targetGroup)
    {
        var rolledUp = !companyCells || (offerKind == YieldCell.All && targetGroup == YieldCell.All);
        return period.Kind switch
        {
            ReportPeriodKind.Year when rolledUp => (YieldGrain.Year, [ReportPeriod.MonthKey(period.FirstMonth)]),
            ReportPeriodKind.Quarter when rolledUp => (YieldGrain.Quarter, [ReportPeriod.MonthKey(period.FirstMonth)]),
            _ => (YieldGrain.Month, period.MonthKeys().ToList()),
        };
    }

    private static IEnumerable<(string Kind, string Group)> Slices(string offerKind, string targetGroup)
    {
        yield return (YieldCell.All, YieldCell.All);
        if (offerKind != YieldCell.All)
        {
            yield return (offerKind, YieldCell.All);
        }

        if (targetGroup != YieldCell.All)
        {
            yield return (YieldCell.All, targetGroup);
        }

        if (offerKind != YieldCell.All && targetGroup != YieldCell.All)
        {
            yield return (offerKind, targetGroup);
        }
    }
}
