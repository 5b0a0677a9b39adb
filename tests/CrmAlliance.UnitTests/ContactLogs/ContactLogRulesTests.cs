using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.ContactLogs;

namespace CrmAlliance.UnitTests.ContactLogs;

public sealed class ContactLogRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_contact_a_day_ahead_is_accepted_and_a_minute_later_is_refused()
    {
        Assert.Empty(Errors(Now.AddDays(1), "Møde"));
        Assert.Equal(["occurredAt"], Errors(Now.AddDays(1).AddMinutes(1), "Møde"));
    }

    [Fact]
    public void A_mistyped_year_is_refused()
        => Assert.Equal(["occurredAt"], Errors(new DateTimeOffset(225, 3, 1, 10, 0, 0, TimeSpan.Zero), "Møde"));

    [Fact]
    public void The_summary_is_required_and_at_most_4000_characters_and_the_outcome_at_most_1000()
    {
        Assert.Equal(["summary"], Errors(Now, "  "));
        Assert.Empty(Errors(Now, new string('x', 4000), outcome: new string('y', 1000)));
        Assert.Equal(["summary", "outcome"], Errors(Now, new string('x', 4001), outcome: new string('y', 1001)));
    }

    [Fact]
    public void A_follow_up_is_compared_with_the_Danish_date_of_the_contact()
    {
        // 23:30 UTC on 1 March 2026 is 00:30 on 2 March in Denmark.
        var lateEvening = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);

        Assert.Empty(Errors(lateEvening, "Event", followUpOn: new DateOnly(2026, 3, 2)));
        Assert.Equal(["followUpOn"], Errors(lateEvening, "Event", followUpOn: new DateOnly(2026, 3, 1)));
    }

    private static List<string> Errors(DateTimeOffset occurredAt, string summary, string? outcome = null, DateOnly? followUpOn = null)
    {
        try
        {
            new Validator().CheckContactLog(occurredAt, Now, summary, outcome, followUpOn).ThrowIfInvalid();
            return [];
        }
        catch (ValidationException ex)
        {
            return ex.Errors.Select(e => e.Field).ToList();
        }
    }
}
