using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.ContactLogs;

public sealed record LogContactInput(
    Guid CompanyId,
    DateTimeOffset OccurredAt,
    ContactChannel Channel,
    string Summary,
    string? Outcome = null,
    DateOnly? FollowUpOn = null);

/// <summary>Field checks of a logged contact; pure, so the rules can be tested without a database.</summary>
public static class ContactLogRules
{
    public const int SummaryMaxLength = 4000;
    public const int OutcomeMaxLength = 1000;

    /// <summary>Contacts are logged as they happen or just before (a meeting booked for tomorrow morning), never further ahead.</summary>
    public static readonly TimeSpan MaxAheadOfNow = TimeSpan.FromDays(1);

    /// <summary>Catches mistyped years such as 0225; no partner contact predates the alliance by this much.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Validator CheckContactLog(this Validator v, DateTimeOffset occurredAt, DateTimeOffset now, string? summary, string? outcome, DateOnly? followUpOn)
    {
        v.Check(occurredAt <= now + MaxAheadOfNow, "occurredAt", RefusalText.Of("ContactLogs.TooFarAhead", ("occurredAt", occurredAt), ("latest", now + MaxAheadOfNow)));
        v.Check(occurredAt >= Earliest, "occurredAt", RefusalText.Of("ContactLogs.TooEarly"));
        v.Text(summary, "summary", SummaryMaxLength);
        v.OptionalText(outcome, "outcome", OutcomeMaxLength);
        var contactDate = DanishCalendar.DateOf(occurredAt);
        v.Check(followUpOn is null || followUpOn >= contactDate, "followUpOn", RefusalText.Of("ContactLogs.FollowUpBeforeContact", ("date", contactDate)));

        return v;
    }
}

/// <summary>A consultant logs a contact with a company, optionally with a date to follow it up.</summary>
public sealed class LogContactHandler(CrmDbContext db, TimeProvider clock)
{
    public async Task<ContactLogView> HandleAsync(LogContactInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        if (!await db.Companies.AnyAsync(c => c.Id == input.CompanyId, cancellationToken))
        {
            throw new NotFoundException("Company", input.CompanyId, "input.companyId");
        }

        new Validator().CheckContactLog(input.OccurredAt, clock.GetUtcNow(), input.Summary, input.Outcome, input.FollowUpOn).ThrowIfInvalid();

        var log = new ContactLog
        {
            CompanyId = input.CompanyId,
            ConsultantId = actor.UserId,
            // Stored in UTC: what a read returns does not depend on the provider keeping the offset.
            OccurredAt = input.OccurredAt.ToUniversalTime(),
            Channel = input.Channel,
            Summary = input.Summary.Trim(),
            Outcome = string.IsNullOrWhiteSpace(input.Outcome) ? null : input.Outcome.Trim(),
            FollowUpOn = input.FollowUpOn,
        };
        db.ContactLogs.Add(log);
        // This save also stages ContactLogged in the outbox, in the same transaction: Yield's SourceChangeEvents
        // interceptor does it for every write path, so the yield read model cannot miss one.
        await db.SaveOrConflictAsync(RefusalText.Of("ContactLogs.NotLogged"), cancellationToken);
        return log.ToView();
    }
}
