using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>The day through which running placements' days are booked: yesterday, on the Danish calendar.</summary>
public static class YieldClockDay
{
    public static DateOnly BookThrough(TimeProvider clock) => DanishCalendar.Today(clock).AddDays(-1);
}
