namespace CrmAlliance.Api.Core;

/// <summary>Period filters take whole days (UTC); stored times are instants. These turn one into the other.</summary>
public static class UtcDays
{
    /// <summary>The first instant of <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after <paramref name="day"/>: filter with <c>&lt;</c>.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));
}
