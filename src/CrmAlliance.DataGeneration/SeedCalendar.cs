using CrmAlliance.Api.Core;

namespace CrmAlliance.DataGeneration;

/// <summary>Times of day for generated rows: office hours in Danish time, stored in UTC like every timestamp.</summary>
public sealed class SeedCalendar
{
    private readonly Dictionary<int, TimeSpan> offsets = [];

    /// <summary>A moment between 08:00 and 15:59 Danish time on <paramref name="day"/>.</summary>
    public DateTimeOffset OfficeTime(DateOnly day, SeedRandom random)
    {
        var local = day.ToDateTime(new TimeOnly(random.Between(8, 15), random.Between(0, 59), random.Between(0, 59)));
        return new DateTimeOffset(local - Offset(day), TimeSpan.Zero);
    }

    private TimeSpan Offset(DateOnly day)
    {
        if (!offsets.TryGetValue(day.DayNumber, out var offset))
        {
            offset = DanishCalendar.Zone.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0)));
            offsets[day.DayNumber] = offset;
        }

        return offset;
    }
}
