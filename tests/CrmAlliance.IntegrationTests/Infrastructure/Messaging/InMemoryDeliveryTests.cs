using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Infrastructure.Messaging;

/// <summary>
/// The embedded default (in-memory bus): an event whose consumer fails after its retries stays unsent, with the
/// failure on its row, and goes out again until the consumer succeeds — nothing is dropped on the floor.
/// </summary>
public sealed class InMemoryDeliveryTests : IDisposable
{
    private readonly CrmApiFactory api = new(new Dictionary<string, string>
    {
        ["Outbox:FirstBackoff"] = "00:00:00.2",
        ["Outbox:MaxBackoff"] = "00:00:01",
    });

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task An_event_whose_consumer_fails_stays_unsent_and_is_delivered_again_once_the_consumer_can_commit()
    {
        var consultant = (await api.CreateUserAsync("CONSULTANT")).Client;
        var companyId = await consultant.RegisterCompanyAsync("Fejlsikker Transport A/S");

        // A real failure in the yield projection's own write: the database refuses its contact facts.
        await using (var db = api.NewDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_contact_facts BEFORE INSERT ON YieldContactFacts BEGIN SELECT RAISE(ABORT, 'contact facts refused by the test'); END;");
        }

        var logged = await consultant.QueryAsync(
            "mutation($input: LogContactInput!) { logContact(input: $input) { id } }",
            new { input = new { companyId, occurredAt = DateTimeOffset.UtcNow.AddHours(-1), channel = "PHONE", summary = "Ringede om praktik" } });
        var contactId = GlobalId.Parse(logged["logContact"]!["id"]!.GetValue<string>(), "ContactLog", "id");

        // The consumer retries (about 8 s), then the delivery counts as failed: the row keeps the failure and stays unsent.
        await Polling.WaitForAsync(async () => (await ContactEventAsync()) is { Attempts: > 0 }, "the failed delivery to be recorded on the outbox row", TimeSpan.FromSeconds(60));
        var failed = (await ContactEventAsync())!;
        Assert.Null(failed.SentAt);
        Assert.Contains("failed", failed.LastError, StringComparison.Ordinal);
        Assert.False(await HasContactFactAsync(contactId));

        await using (var db = api.NewDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_contact_facts;");
        }

        await Polling.WaitForAsync(async () => (await ContactEventAsync())?.SentAt is not null, "the event to be delivered once the consumer can commit", TimeSpan.FromSeconds(60));
        Assert.True(await HasContactFactAsync(contactId));
    }

    private sealed record EventRow(DateTimeOffset? SentAt, int Attempts, string? LastError);

    private async Task<EventRow?> ContactEventAsync()
    {
        await using var db = api.NewDbContext();
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType.Contains("ContactLogged"))
            .Select(m => new EventRow(m.SentAt, m.Attempts, m.LastError))
            .SingleOrDefaultAsync();
    }

    private async Task<bool> HasContactFactAsync(Guid contactId)
    {
        await using var db = api.NewDbContext();
        return await db.YieldContactFacts.AnyAsync(f => f.ContactLogId == contactId);
    }
}
