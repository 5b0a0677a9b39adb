namespace CrmAlliance.Api.Core;

/// <summary>
/// Calendar dates as Jobcenter Aalborg's users mean them: in Danish time. A contact logged at
/// 00:30 on 2 March in Aalborg happened on 2 March, although it was still 1 March in UTC.
/// </summary>
public static class DanishCalendar
{
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant the Danish day <paramref name="date"/> begins.</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        }
        catch (TimeZoneNotFoundException)
        {
            // A container without tzdata: Central European time without daylight saving is off by at most an hour.
            return TimeZoneInfo.CreateCustomTimeZone("CET", TimeSpan.FromHours(1), "Central European Time", "CET");
        }
    }
}
