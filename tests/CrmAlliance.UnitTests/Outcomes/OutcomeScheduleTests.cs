using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Outcomes;

namespace CrmAlliance.UnitTests.Outcomes;

public sealed class OutcomeScheduleTests
{
    private static readonly DateOnly EndedOn = new(2026, 1, 31);

    [Theory]
    [InlineData(0, "2026-01-31")]
    [InlineData(1, "2026-02-28")]
    [InlineData(3, "2026-04-30")]
    [InlineData(6, "2026-07-31")]
    [InlineData(12, "2027-01-31")]
    public void A_follow_up_is_due_whole_months_after_the_actual_end(int months, string due)
        => Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), OutcomeSchedule.DueOn(EndedOn, months));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(6, true)]
    [InlineData(12, true)]
    [InlineData(2, false)]
    [InlineData(5, false)]
    [InlineData(-1, false)]
    [InlineData(24, false)]
    public void Outcomes_are_observed_at_the_end_and_after_1_3_6_and_12_months(int months, bool observed)
        => Assert.Equal(observed, OutcomeSchedule.IsObservationPoint(months));

    [Fact]
    public void A_follow_up_can_be_recorded_on_its_date_but_not_the_day_before()
    {
        OutcomeSchedule.EnsureDue(EndedOn, 1, today: new DateOnly(2026, 2, 28));

        var refusal = Assert.Throws<RuleViolationException>(() => OutcomeSchedule.EnsureDue(EndedOn, 1, today: new DateOnly(2026, 2, 27)));

        Assert.Equal("OutcomeSchedule", refusal.Rule);
        Assert.Contains("due on 2026-02-28 (the placement ended 2026-01-31)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_outcome_at_the_end_can_be_recorded_on_the_last_day()
        => OutcomeSchedule.EnsureDue(EndedOn, 0, today: EndedOn);

    [Fact]
    public void A_placement_that_never_started_has_no_outcome()
        => Assert.Throws<RuleViolationException>(() => OutcomeSchedule.EnsureDue(null, 0, today: EndedOn));
}
