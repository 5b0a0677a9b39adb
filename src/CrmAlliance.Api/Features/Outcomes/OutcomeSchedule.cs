using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements.Rules;

namespace CrmAlliance.Api.Features.Outcomes;

/// <summary>When each outcome of a placement is observed: at its actual end, and 1, 3, 6 and 12 months after.</summary>
public static class OutcomeSchedule
{
    public static bool IsObservationPoint(int monthsAfterEnd) => monthsAfterEnd == 0 || Outcome.FollowUpMonths.Contains(monthsAfterEnd);

    public static DateOnly DueOn(DateOnly actualEnd, int monthsAfterEnd) => actualEnd.AddMonths(monthsAfterEnd);

    /// <summary>"at the end" or "3 months after the end", in any language.</summary>
    public static RefusalText Moment(int monthsAfterEnd)
        => monthsAfterEnd == 0 ? RefusalText.Of("Outcomes.AtEnd") : RefusalText.Of("Outcomes.MonthsAfterEnd", ("months", monthsAfterEnd));

    /// <summary><see cref="Moment"/> in English, for the import's report.</summary>
    public static string Describe(int monthsAfterEnd) => Refusals.Describe(Moment(monthsAfterEnd), Refusals.English);

    /// <summary>Refuses an observation the placement cannot have yet: it never ran, or the follow-up date is still ahead.</summary>
    public static void EnsureDue(DateOnly? actualEnd, int monthsAfterEnd, DateOnly today)
    {
        if (Refusal(actualEnd, monthsAfterEnd, today) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>
    /// The refusal <see cref="EnsureDue"/> throws, or null when the observation is due. For callers that
    /// report rather than throw (the outcome import checks thousands of lines).
    /// </summary>
    public static RuleViolationException? Refusal(DateOnly? actualEnd, int monthsAfterEnd, DateOnly today)
    {
        if (actualEnd is not { } end)
        {
            return new RuleViolationException(PlacementRuleNames.OutcomeSchedule, RefusalText.Of("Outcomes.CalledOff"));
        }

        var due = DueOn(end, monthsAfterEnd);
        return due > today
            ? new RuleViolationException(
                PlacementRuleNames.OutcomeSchedule,
                RefusalText.Of("Outcomes.NotDue", ("moment", Moment(monthsAfterEnd)), ("due", due), ("end", end)),

                "input.monthsAfterEnd")
            : null;
    }
}
