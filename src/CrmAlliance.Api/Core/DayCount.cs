namespace CrmAlliance.Api.Core;

/// <summary>Counting whole days.</summary>
public static class DayCount
{
    /// <summary>Days of <paramref name="start"/>–<paramref name="end"/> inside <paramref name="first"/>–<paramref name="last"/>, every end counted; 0 when they do not meet.</summary>
    public static int Inside(DateOnly start, DateOnly end, DateOnly first, DateOnly last)
    {
        var from = start > first ? start : first;
        var to = end < last ? end : last;
        return Math.Max(0, to.DayNumber - from.DayNumber + 1);
    }
}
