using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Reports;
using CrmAlliance.Api.Features.Yield.Targets;

namespace CrmAlliance.Api.Features.Yield.Monitoring;

/// <summary>The monitoring report: its header and one long table of figures (see MonitoringReport.md).</summary>
public sealed record MonitoringReport(
    ReportPeriod Period,
    int TargetYear,
    string DefinitionVersion,
    DateOnly? AsOf,
    DateTimeOffset GeneratedAt,
    int SuppressionThreshold,
    IReadOnlyList<MonitoringRow> Rows)
{
    public IEnumerable<MonitoringRow> Section(string section) => Rows.Where(r => r.Section == section);
}

/// <summary>How a figure is suppressed.</summary>
public enum FigureKind
{
    /// <summary>A count (citizens' placements, vacancies, companies): withheld when small.</summary>
    Count,

    /// <summary>An amount from citizens' placements (placement-weeks): withheld when small.</summary>
    Amount,

    /// <summary>A share, value of base: withheld when the base, the value or the complement is small.</summary>
    Rate,

    /// <summary>A count against an amount no citizen is behind (placements started of positions pledged): follows its count.</summary>
    Ratio,

    /// <summary>No citizen is behind it (positions pledged): never withheld.</summary>
    Plain,
}

/// <summary>
/// One line of the long table: a measure for a slice of a section. <see cref="Partitioned"/> rows of a section and
/// measure add up to its <c>All</c> slice, which the suppression uses to stop differencing.
/// </summary>
public sealed class MonitoringRow
{
    private MonitoringRow(string section, string measure, string slice, FigureKind kind, bool partitioned)
    {
        Section = section;
        Measure = measure;
        Slice = slice;
        Kind = kind;
        Partitioned = partitioned;
    }

    public string Section { get; }

    public string Measure { get; }

    public string Slice { get; }

    public FigureKind Kind { get; }

    public bool Partitioned { get; }

    public decimal? Value { get; private set; }

    public decimal? Base { get; private set; }

    /// <summary>Value / base as a fraction; null when withheld or when the base is 0.</summary>
    public double? Rate { get; private set; }

    /// <summary>The effect target in percent, on target rows.</summary>
    public decimal? Target { get; private init; }

    public bool Suppressed { get; private set; }

    /// <summary>On target rows: result against target, judged exactly on the counts.</summary>
    public TargetStatus? Status => Target is not { } target ? null
        : EffectTargetResults.StatusOf(new YieldRate((int)(Value ?? 0), (int)(Base ?? 0)), target, Suppressed);

    public static MonitoringRow Count(string section, string measure, string slice, long value, bool partitioned = true)
        => new(section, measure, slice, FigureKind.Count, partitioned) { Value = value };

    public static MonitoringRow Amount(string section, string measure, string slice, decimal value)
        => new(section, measure, slice, FigureKind.Amount, true) { Value = value };

    public static MonitoringRow Share(string section, string measure, string slice, YieldRate rate, bool partitioned = true, decimal? target = null)
        => new(section, measure, slice, FigureKind.Rate, partitioned) { Value = rate.Count, Base = rate.Base, Rate = rate.Rate, Target = target };

    /// <summary>A count against an amount shown rounded (<paramref name="amount"/>); the rate is the exact one, not count ÷ the rounded amount.</summary>
    public static MonitoringRow Ratio(string section, string measure, string slice, int count, decimal amount, double? rate)
        => new(section, measure, slice, FigureKind.Ratio, true) { Value = count, Base = amount, Rate = rate };

    public static MonitoringRow Plain(string section, string measure, string slice, decimal value)
        => new(section, measure, slice, FigureKind.Plain, false) { Value = value };

    /// <summary>Withholds the value and the rate; the base stays (it is not small).</summary>
    public void WithholdValue()
    {
        Value = null;
        Rate = null;
        Suppressed = true;
    }

    public void WithholdAll()
    {
        WithholdValue();
        Base = null;
    }
}

/// <summary>The codes of the long table's sections, slices and measures (English, as in the CSV).</summary>
public static class MonitoringCodes
{
    public const string AllianceSection = "alliance";
    public const string OfferKindSection = "offerKind";
    public const string TargetGroupSection = "targetGroup";
    public const string QuarterSection = "quarter";
    public const string EffectTargetSection = "effectTarget";
    public const string IndustrySection = "industrySection";

    public const string All = YieldCell.All;
    public const string Active = "Active";
    public const string Dormant = "Dormant";

    public const string Members = "members";
    public const string ActivePartners = "activePartners";
    public const string CooperationShare = "cooperationShare";
    public const string FreeLabourRisk = "freeLabourRisk";
    public const string Contacts = "contacts";
    public const string VacanciesPosted = "vacanciesPosted";
    public const string PositionsOffered = "positionsOffered";
    public const string PlacementsStarted = "placementsStarted";
    public const string PlacementWeeks = "placementWeeks";
    public const string PlacementsEnded = "placementsEnded";
    public const string Pledged = "pledged";
    public const string PledgeFulfilment = "pledgeFulfilment";

    /// <summary>A target measure's code: its name in camelCase (workOrEducation, selfSupportingAfter6Months, reach …).</summary>
    public static string Of(TargetMeasure measure) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(measure.ToString());

    /// <summary>An effect target's slice: offer kind and target group, "All" for every one, e.g. "WageSubsidy/All".</summary>
    public static string TargetSlice(EffectTargetView target) => $"{Slice.Of(target.OfferKind)}/{Slice.Of(target.TargetGroup)}";
}
