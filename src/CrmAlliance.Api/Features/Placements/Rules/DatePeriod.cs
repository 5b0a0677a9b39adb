using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>A period of whole days; <see cref="End"/> is the last day, included.</summary>
public readonly record struct DatePeriod(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Overlaps(DatePeriod other) => Start <= other.End && other.Start <= End;

    /// <summary>"2026-01-05 to 2026-03-31" in any language.</summary>
    public RefusalText Text => RefusalText.Of("Core.DateRange", ("start", Start), ("end", End));

    public override string ToString() => $"{Start:yyyy-MM-dd} to {End:yyyy-MM-dd}";

}
