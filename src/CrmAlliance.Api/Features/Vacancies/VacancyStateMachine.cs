using System.Collections.Frozen;
using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Vacancies;

/// <summary>What is done to a vacancy's status.</summary>
public enum VacancyTransition
{
    Publish,
    MarkFilled,
    Close,
    Reopen,

    /// <summary>System only: the application deadline passed while the vacancy was open.</summary>
    Expire,
}

/// <summary>
/// The vacancy life cycle as one table: each transition, the states it may start from, and the state it
/// leads to. Anything the table does not list is refused with RULE_VIOLATION naming both states.
/// </summary>
public static class VacancyStateMachine
{
    public const string TransitionRule = "VacancyStatusTransition";
    public const string OpeningRule = "VacancyOpening";

    private static readonly FrozenDictionary<VacancyTransition, (FrozenSet<VacancyStatus> From, VacancyStatus To)> Table =
        new Dictionary<VacancyTransition, (FrozenSet<VacancyStatus>, VacancyStatus)>
        {
            [VacancyTransition.Publish] = (FrozenSet.Create(VacancyStatus.Draft), VacancyStatus.Open),
            [VacancyTransition.MarkFilled] = (FrozenSet.Create(VacancyStatus.Open), VacancyStatus.Filled),
            [VacancyTransition.Close] = (FrozenSet.Create(VacancyStatus.Draft, VacancyStatus.Open), VacancyStatus.Closed),
            [VacancyTransition.Reopen] = (FrozenSet.Create(VacancyStatus.Filled, VacancyStatus.Closed, VacancyStatus.Expired), VacancyStatus.Open),
            [VacancyTransition.Expire] = (FrozenSet.Create(VacancyStatus.Open), VacancyStatus.Expired),
        }.ToFrozenDictionary();

    /// <summary>The transitions people may ask for; <see cref="VacancyTransition.Expire"/> is the system's.</summary>
    public static IReadOnlyList<VacancyTransition> UserTransitions { get; } =
        [VacancyTransition.Publish, VacancyTransition.MarkFilled, VacancyTransition.Close, VacancyTransition.Reopen];

    public static VacancyStatus TargetOf(VacancyTransition transition) => Table[transition].To;

    public static bool IsAllowed(VacancyStatus from, VacancyTransition transition) => Table[transition].From.Contains(from);

    /// <summary>What a user may do to a vacancy in this state (dates may still refuse an opening).</summary>
    public static IReadOnlyList<VacancyTransition> UserTransitionsFrom(VacancyStatus from)
        => UserTransitions.Where(t => IsAllowed(from, t)).ToList();

    /// <summary>The state <paramref name="transition"/> leads to from <paramref name="from"/>, or RULE_VIOLATION.</summary>
    public static VacancyStatus Next(VacancyStatus from, VacancyTransition transition)
    {
        var to = TargetOf(transition);
        if (!IsAllowed(from, transition))
        {
            var allowed = UserTransitionsFrom(from);
            var hint = allowed.Count == 0 ? RefusalText.Of("Vacancies.NothingAllowed") : RefusalText.Of("Vacancies.AllowedFrom", ("transitions", RefusalList.AnyOf(allowed)));
            throw new RuleViolationException(
                TransitionRule,
                RefusalText.Of("Vacancies.Transition", ("from", from), ("to", to), ("transition", transition), ("hint", hint)),
                "input.transition");
        }

        return to;
    }

    /// <summary>
    /// Publishing and reopening put a vacancy in front of candidates, which makes sense only while its start
    /// date has not passed and its application deadline, if any, has not passed: otherwise nobody can apply
    /// and the hourly expiry would close it again. A reopened vacancy may get a new deadline for that reason;
    /// one whose start date has passed is a new vacancy and should be posted as one.
    /// </summary>
    public static void CheckCanOpen(DateOnly startDate, DateOnly? applicationDeadline, DateOnly today)
    {
        if (startDate < today)
        {
            throw new RuleViolationException(OpeningRule, RefusalText.Of("Vacancies.StartPassed", ("start", startDate), ("today", today)));
        }

        if (applicationDeadline is { } deadline && deadline < today)
        {
            throw new RuleViolationException(OpeningRule, RefusalText.Of("Vacancies.DeadlinePassed", ("deadline", deadline), ("today", today)), "input.applicationDeadline");

        }
    }
}
