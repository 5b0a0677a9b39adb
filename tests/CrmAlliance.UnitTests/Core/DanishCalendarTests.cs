using CrmAlliance.Api.Core;
using Microsoft.Extensions.Time.Testing;

namespace CrmAlliance.UnitTests.Core;

public sealed class DanishCalendarTests
{
    [Fact]
    public void Today_is_the_date_in_Denmark_not_in_UTC()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 31, 22, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 8, 1), DanishCalendar.Today(clock));
    }

    [Fact]
    public void A_Danish_day_starts_at_local_midnight_in_winter_and_summer_time()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 23, 0, 0, TimeSpan.Zero), DanishCalendar.StartOf(new DateOnly(2026, 1, 15)).ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 22, 0, 0, TimeSpan.Zero), DanishCalendar.StartOf(new DateOnly(2026, 7, 15)).ToUniversalTime());
    }
}
