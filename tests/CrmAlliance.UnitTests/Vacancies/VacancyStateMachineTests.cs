using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Vacancies;
using static CrmAlliance.Api.Features.Vacancies.VacancyStatus;
using static CrmAlliance.Api.Features.Vacancies.VacancyTransition;

namespace CrmAlliance.UnitTests.Vacancies;

public sealed class VacancyStateMachineTests
{
    /// <summary>The life cycle as the issue states it, written out independently of the implementation's table.</summary>
    private static readonly Dictionary<(VacancyStatus From, VacancyTransition Transition), VacancyStatus> Allowed = new()
    {
        [(Draft, Publish)] = Open,
        [(Draft, Close)] = Closed,
        [(Open, MarkFilled)] = Filled,
        [(Open, Close)] = Closed,
        [(Open, Expire)] = Expired,
        [(Filled, Reopen)] = Open,
        [(Closed, Reopen)] = Open,
        [(Expired, Reopen)] = Open,
    };

    public static TheoryData<VacancyStatus, VacancyTransition, VacancyStatus> AllowedTransitions()
    {
        var data = new TheoryData<VacancyStatus, VacancyTransition, VacancyStatus>();
        foreach (var ((from, transition), to) in Allowed)
        {
            data.Add(from, transition, to);
        }

        return data;
    }

    public static TheoryData<VacancyStatus, VacancyTransition> RefusedTransitions()
    {
        var data = new TheoryData<VacancyStatus, VacancyTransition>();
        foreach (var from in Enum.GetValues<VacancyStatus>())
        {
            foreach (var transition in Enum.GetValues<VacancyTransition>().Where(t => !Allowed.ContainsKey((from, t))))
            {
                data.Add(from, transition);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void An_allowed_transition_leads_to_its_state(VacancyStatus from, VacancyTransition transition, VacancyStatus to)
    {
        Assert.Equal(to, VacancyStateMachine.Next(from, transition));
        Assert.True(VacancyStateMachine.IsAllowed(from, transition));
    }

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void A_transition_outside_the_table_is_a_rule_violation_naming_both_states(VacancyStatus from, VacancyTransition transition)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => VacancyStateMachine.Next(from, transition));

        Assert.Equal(VacancyStateMachine.TransitionRule, refusal.Rule);
        Assert.Contains($"from {Refusals.DisplayName(from, Refusals.English)} to {Refusals.DisplayName(VacancyStateMachine.TargetOf(transition), Refusals.English)}", refusal.Message, StringComparison.Ordinal);
        Assert.False(VacancyStateMachine.IsAllowed(from, transition));
    }

    [Fact]
    public void Every_pair_of_state_and_transition_is_either_allowed_or_refused()
    {
        Assert.Equal(
            Enum.GetValues<VacancyStatus>().Length * Enum.GetValues<VacancyTransition>().Length,
            AllowedTransitions().Count + RefusedTransitions().Count);
        Assert.Equal(8, AllowedTransitions().Count);
    }

    [Fact]
    public void Users_are_offered_every_allowed_transition_except_expiry()
    {
        Assert.Equal([Publish, Close], VacancyStateMachine.UserTransitionsFrom(Draft));
        Assert.Equal([MarkFilled, Close], VacancyStateMachine.UserTransitionsFrom(Open));
        Assert.Equal([Reopen], VacancyStateMachine.UserTransitionsFrom(Filled));
        Assert.Equal([Reopen], VacancyStateMachine.UserTransitionsFrom(Closed));
        Assert.Equal([Reopen], VacancyStateMachine.UserTransitionsFrom(Expired));
    }

    [Fact]
    public void A_refusal_says_what_is_allowed_instead()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => VacancyStateMachine.Next(Filled, Close));

        Assert.Equal("A vacancy cannot go from filled to closed (CLOSE); allowed from there: REOPEN.", refusal.Message);

    }

    private static readonly DateOnly Today = new(2026, 6, 15);

    [Theory]
    [InlineData("2026-06-15", null)]
    [InlineData("2026-07-01", "2026-06-15")]
    [InlineData("2026-07-01", "2026-06-30")]
    public void A_vacancy_may_open_while_its_start_and_deadline_have_not_passed(string start, string? deadline)
        => VacancyStateMachine.CheckCanOpen(DateOnly.Parse(start), deadline is null ? null : DateOnly.Parse(deadline), Today);

    [Theory]
    [InlineData("2026-06-14", null, "start date 2026-06-14 has passed")]
    [InlineData("2026-07-01", "2026-06-14", "application deadline 2026-06-14 has passed")]
    public void A_vacancy_may_not_open_once_its_start_or_deadline_has_passed(string start, string? deadline, string reason)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => VacancyStateMachine.CheckCanOpen(DateOnly.Parse(start), deadline is null ? null : DateOnly.Parse(deadline), Today));

        Assert.Equal(VacancyStateMachine.OpeningRule, refusal.Rule);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
    }
}
