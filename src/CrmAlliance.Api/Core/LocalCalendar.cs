namespace CrmAlliance.Api.Core;

/// <summary>Dates in the jobcenter's calendar.</summary>
public static class LocalCalendar
{
    /// <summary>
    /// Today in the clock's local time zone (the host's, i.e. Danish time in production): a deadline
    /// "has passed" when its day is over where the users are, not when the UTC day is.
    /// </summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
