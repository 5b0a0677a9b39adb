using CrmAlliance.Api.Core;

namespace CrmAlliance.UnitTests.Core;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2025", ReportPeriodKind.Year, "2025-01-01", "2025-12-31", "2025")]
    [InlineData("2025-q2", ReportPeriodKind.Quarter, "2025-04-01", "2025-06-30", "2025-Q2")]
    [InlineData("2024-02", ReportPeriodKind.Month, "2024-02-01", "2024-02-29", "2024-02")]
    [InlineData("2025-01..2025-06", ReportPeriodKind.MonthRange, "2025-01-01", "2025-06-30", "2025-01..2025-06")]
    [InlineData("2025-01..2025-12", ReportPeriodKind.Year, "2025-01-01", "2025-12-31", "2025")]
    [InlineData(" 2025-07..2025-09 ", ReportPeriodKind.Quarter, "2025-07-01", "2025-09-30", "2025-Q3")]
    public void Reads_the_ways_people_write_a_period(string text, ReportPeriodKind kind, string start, string end, string label)
    {
        var period = ReportPeriod.Parse(text);

        Assert.Equal(kind, period.Kind);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(label, period.Label);
        Assert.Equal(period, ReportPeriod.Parse(period.Label));
    }

    [Theory]
    [InlineData("", "is not a period")]
    [InlineData("2025-13", "is not a month")]
    [InlineData("2025-Q5", "is not a period")]
    [InlineData("1999", "outside 2000")]
    [InlineData("2025-06..2025-01", "ends before it starts")]
    [InlineData("2010-01..2025-01", "at most 120")]
    [InlineData("25-01", "is not a period")]
    [InlineData("２０２５", "is not a period")]
    [InlineData("2025-０６", "is not a period")]
    public void Refuses_what_is_not_a_period_with_the_field_and_a_reason(string text, string reason)
    {
        var error = Assert.Throws<ValidationException>(() => ReportPeriod.Parse(text, "input.period"));

        Assert.Equal("input.period", error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_its_month_keys_in_order()
        => Assert.Equal([202511, 202512, 202601], ReportPeriod.Parse("2025-11..2026-01").MonthKeys());
}
