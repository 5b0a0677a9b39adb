using CrmAlliance.Api.Core;
using CrmAlliance.Api.Web;

namespace CrmAlliance.UnitTests.Web;

/// <summary>Dates and times as Danish users type them into the contact form.</summary>
public sealed class DanishInputTests
{
    [Theory]
    [InlineData("15.03.2026")]
    [InlineData("15.3.2026")]
    [InlineData(" 15-03-2026 ")]
    [InlineData("15/3/2026")]
    [InlineData("2026-03-15")]
    public void Reads_the_ways_a_date_is_typed(string text)
    {
        Assert.True(DanishInput.TryDate(text, out var date));
        Assert.Equal(new DateOnly(2026, 3, 15), date);
    }

    [Theory]
    [InlineData("32.13.2026")]
    [InlineData("15.03.26")]
    [InlineData("i morgen")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_what_is_not_a_date(string? text) => Assert.False(DanishInput.TryDate(text, out _));

    [Theory]
    [InlineData("09:30", 9, 30)]
    [InlineData("9.30", 9, 30)]
    [InlineData("14", 14, 0)]
    public void Reads_the_ways_a_time_is_typed(string text, int hour, int minute)
    {
        Assert.True(DanishInput.TryTime(text, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Fact]
    public void A_Danish_wall_clock_time_is_the_instant_of_Danish_time_summer_and_winter()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 8, 30, 0, TimeSpan.Zero), DanishInput.Instant(new DateOnly(2026, 1, 15), new TimeOnly(9, 30)).ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 7, 30, 0, TimeSpan.Zero), DanishInput.Instant(new DateOnly(2026, 7, 15), new TimeOnly(9, 30)).ToUniversalTime());
    }

    [Fact]
    public void Shows_dates_and_times_as_typed_back()
    {
        Assert.Equal("05.03.2026", DanishInput.Date(new DateOnly(2026, 3, 5)));
        Assert.Equal("09:05", DanishInput.Time(new DateTimeOffset(2026, 3, 5, 8, 5, 0, TimeSpan.Zero)));
    }
}
