using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmAlliance.Api.Core;

public enum ReportPeriodKind
{
    Month,
    Quarter,
    Year,
    MonthRange,
}

/// <summary>
/// A reporting period of whole calendar months, written the way people say it:
/// <c>2025</c> (a year), <c>2025-Q2</c> (a quarter), <c>2025-03</c> (a month) or <c>2025-01..2025-06</c>
/// (a custom range of months, both included). Yield figures are kept per month, so periods are whole months.
/// </summary>
public sealed partial record ReportPeriod
{
    /// <summary>The longest custom range accepted (ten years): reports over more are not meaningful and slow.</summary>
    public const int MaxMonths = 120;

    public const string FormatHelp = "a year (2025), a quarter (2025-Q2), a month (2025-03) or a range of months (2025-01..2025-06)";

    private ReportPeriod(ReportPeriodKind kind, DateOnly firstMonth, DateOnly lastMonth)
    {
        Kind = kind;
        FirstMonth = firstMonth;
        LastMonth = lastMonth;
    }

    public ReportPeriodKind Kind { get; }

    /// <summary>The first day of the first month.</summary>
    public DateOnly FirstMonth { get; }

    /// <summary>The first day of the last month.</summary>
    public DateOnly LastMonth { get; }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => FirstMonth;

    /// <summary>The last day of the period.</summary>
    public DateOnly End => LastMonth.AddMonths(1).AddDays(-1);

    /// <summary>The day after the period: filter with <c>&lt;</c>.</summary>
    public DateOnly EndExclusive => LastMonth.AddMonths(1);

    public int MonthCount => ((LastMonth.Year - FirstMonth.Year) * 12) + LastMonth.Month - FirstMonth.Month + 1;

    /// <summary>The canonical text, which <see cref="Parse"/> reads back.</summary>
    public string Label => Kind switch
    {
        ReportPeriodKind.Year => FirstMonth.Year.ToString(CultureInfo.InvariantCulture),
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{FirstMonth.Year}-Q{((FirstMonth.Month - 1) / 3) + 1}"),
        ReportPeriodKind.Month => FirstMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{FirstMonth:yyyy-MM}..{LastMonth:yyyy-MM}"),
    };

    /// <summary>Month keys (yyyymm, e.g. 202503) of every month in the period, in order.</summary>
    public IEnumerable<int> MonthKeys()
    {
        for (var month = FirstMonth; month <= LastMonth; month = month.AddMonths(1))
        {
            yield return MonthKey(month);
        }
    }

    public static int MonthKey(DateOnly day) => (day.Year * 100) + day.Month;

    /// <summary>
    /// The period cut at calendar month, quarter or year boundaries (<paramref name="unit"/>), in order; the parts
    /// at the edges cover only the period's months (e.g. "2025-02..2025-03" of a period from February).
    /// </summary>
    public IEnumerable<ReportPeriod> SplitInto(ReportPeriodKind unit)
    {
        if (unit == ReportPeriodKind.MonthRange)
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "a period is split into months, quarters or years");
        }

        for (var first = FirstMonth; first <= LastMonth;)
        {
            var naturalEnd = unit switch
            {
                ReportPeriodKind.Month => first,
                ReportPeriodKind.Quarter => new DateOnly(first.Year, (((first.Month - 1) / 3) * 3) + 3, 1),
                _ => new DateOnly(first.Year, 12, 1),
            };
            var last = naturalEnd < LastMonth ? naturalEnd : LastMonth;
            yield return Months(first, last);
            first = last.AddMonths(1);
        }
    }

    public static ReportPeriod Year(int year) => new(ReportPeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 1));

    public static ReportPeriod Quarter(int year, int quarter) =>
        new(ReportPeriodKind.Quarter, new DateOnly(year, ((quarter - 1) * 3) + 1, 1), new DateOnly(year, quarter * 3, 1));

    public static ReportPeriod Month(int year, int month) => new(ReportPeriodKind.Month, new DateOnly(year, month, 1), new DateOnly(year, month, 1));

    /// <summary>A range of whole months; a range that is exactly a year, quarter or month is that kind.</summary>
    public static ReportPeriod Months(DateOnly firstMonth, DateOnly lastMonth)
    {
        var first = new DateOnly(firstMonth.Year, firstMonth.Month, 1);
        var last = new DateOnly(lastMonth.Year, lastMonth.Month, 1);
        if (first == last)
        {
            return Month(first.Year, first.Month);
        }

        if (first.Year == last.Year && first.Month == 1 && last.Month == 12)
        {
            return Year(first.Year);
        }

        if (first.Year == last.Year && first.Month % 3 == 1 && last.Month == first.Month + 2)
        {
            return Quarter(first.Year, ((first.Month - 1) / 3) + 1);
        }

        return new(ReportPeriodKind.MonthRange, first, last);
    }

    /// <summary>Reads a period; a bad one is a <see cref="ValidationException"/> on <paramref name="field"/>.</summary>
    public static ReportPeriod Parse(string? text, string field = "period")
    {
        var value = text?.Trim() ?? "";
        var match = Pattern().Match(value);
        if (!match.Success)
        {
            throw new ValidationException(field, RefusalText.Of("Core.NotAPeriod", ("value", value))
);
        }

        var year = Number(match.Groups["year"].Value);
        if (year is < 2000 or > 2100)
        {
            throw new ValidationException(field, RefusalText.Of("Core.YearOutOfRange", ("year", year)));
        }

        if (match.Groups["quarter"].Success)
        {
            return Quarter(year, Number(match.Groups["quarter"].Value));
        }

        if (!match.Groups["month"].Success)
        {
            return Year(year);
        }

        var first = MonthOf(year, Number(match.Groups["month"].Value), field);
        if (!match.Groups["toYear"].Success)
        {
            return Month(first.Year, first.Month);
        }

        var last = MonthOf(Number(match.Groups["toYear"].Value), Number(match.Groups["toMonth"].Value), field);
        if (last < first)
        {
            throw new ValidationException(field, RefusalText.Of("Core.RangeEndsBeforeStart", ("value", value)));
        }

        var period = Months(first, last);
        if (period.MonthCount > MaxMonths)
        {
            throw new ValidationException(field, RefusalText.Of("Core.RangeTooLong", ("value", value), ("months", period.MonthCount), ("max", MaxMonths)));
        }

        return period;
    }

    public override string ToString() => Label;

    private static DateOnly MonthOf(int year, int month, string field)
    {
        if (month is < 1 or > 12 || year is < 2000 or > 2100)
        {
            throw new ValidationException(field, RefusalText.Of("Core.NotAMonth", ("month", $"{year:D4}-{month:D2}")));

        }

        return new DateOnly(year, month, 1);
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:-Q(?<quarter>[1-4])|-(?<month>[0-9]{2})(?:\.\.(?<toYear>[0-9]{4})-(?<toMonth>[0-9]{2}))?)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
