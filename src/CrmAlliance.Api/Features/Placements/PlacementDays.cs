using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Placements;

/// <summary>How many days of a placement fall inside a period: the one rule behind placement-days everywhere.</summary>
public static class PlacementDays
{
    /// <summary>
    /// Days of the placement (<paramref name="startedOn"/> to <paramref name="endedOn"/>) inside the period
    /// <paramref name="first"/>–<paramref name="last"/>, both ends of both counted; a running placement
    /// (<paramref name="endedOn"/> null) counts through <paramref name="runningThrough"/>. Never below zero.
    /// </summary>
    public static int InPeriod(DateOnly startedOn, DateOnly? endedOn, DateOnly first, DateOnly last, DateOnly runningThrough)
        => DayCount.Inside(startedOn, endedOn ?? runningThrough, first, last);
}
