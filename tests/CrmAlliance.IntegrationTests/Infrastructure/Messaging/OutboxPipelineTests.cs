using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmAlliance.IntegrationTests.Infrastructure.Messaging;

/// <summary>
/// A slow aggregate (with the in-memory bus: a vacancy waiting for matching) holds up only its own later events;
/// every other aggregate's events keep going out (issue 11: the projection fell behind while rounds waited for
/// their slowest aggregate).
/// </summary>
public sealed class OutboxPipelineTests : IClassFixture<OutboxPipelineTests.Factory>
{
    public sealed class Factory : IDisposable
    {
        public ScriptedBroker Broker { get; } = new();

        public CrmApiFactory Api { get; }

        public void Dispose() => Api.Dispose();

        // A publish may take long (as an in-memory delivery waits for its consumers) without counting as failed.
        private static readonly Dictionary<string, string> Patient = new()
        {
            ["Outbox:PollInterval"] = "00:00:00.2",
            ["Outbox:PublishTimeout"] = "00:01:00",
        };

        public Factory() => Api = new CrmApiFactory(Patient, services => services.Replace(ServiceDescriptor.Singleton<IEventPublisher>(Broker)));
    }

    private readonly Factory _factory;

    public OutboxPipelineTests(Factory factory) => _factory = factory;

    [Fact]
    public async Task Events_of_other_aggregates_go_out_while_one_aggregate_is_slow_and_its_own_later_events_wait_their_turn()
    {
        var slow = Guid.NewGuid();
        _factory.Broker.Hold(slow);
        try
        {
            var slowRows = await EnqueueAsync([slow]);
            await Polling.WaitForAsync(() => Task.FromResult(_factory.Broker.Attempts.Any(a => a.MessageId == slowRows[0].MessageId)), "the slow aggregate's first event to be under way");

            // Committed after the slow publish began: several rounds of other aggregates, and a later event of the slow one.
            var others = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
            var otherRows = new List<OutboxMessage>();
            for (var round = 0; round < 3; round++)
            {
                otherRows.AddRange(await EnqueueAsync(others));
                await Polling.WaitForAsync(async () => await UnsentAsync(otherRows) == 0, $"round {round} of the other aggregates' events to go out while one aggregate is slow", TimeSpan.FromSeconds(20));
            }

            var laterSlowRow = (await EnqueueAsync([slow]))[0];
            otherRows.AddRange(await EnqueueAsync(others));
            await Polling.WaitForAsync(async () => await UnsentAsync(otherRows) == 0, "the last round of the other aggregates' events", TimeSpan.FromSeconds(20));
            Assert.Equal(2, await UnsentAsync([.. slowRows, laterSlowRow]));
            Assert.DoesNotContain(_factory.Broker.Attempts, a => a.MessageId == laterSlowRow.MessageId);

            _factory.Broker.Release(slow);
            await Polling.WaitForAsync(async () => await UnsentAsync([.. slowRows, laterSlowRow]) == 0, "the slow aggregate's events once it is released");
            var slowOrder = _factory.Broker.Published.Where(p => p.Message is VacancyClosed c && c.VacancyId == slow).Select(p => p.MessageId);
            Assert.Equal([slowRows[0].MessageId, laterSlowRow.MessageId], slowOrder);
        }
        finally
        {
            _factory.Broker.Release(slow);
        }
    }

    private async Task<List<OutboxMessage>> EnqueueAsync(IReadOnlyList<Guid> aggregates)
    {
        await using var scope = _factory.Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var staged = aggregates.Select(a => OutboxMessage.Create(a, new VacancyClosed(a, "Filled", DateTimeOffset.UtcNow), DateTimeOffset.UtcNow)).ToList();
        db.OutboxMessages.AddRange(staged);
        var ids = staged.Select(m => m.MessageId).ToList();
        await db.SaveChangesAsync();
        return await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.MessageId)).OrderBy(m => m.Sequence).ToListAsync();
    }

    private async Task<int> UnsentAsync(List<OutboxMessage> rows)
    {
        await using var db = _factory.Api.NewDbContext();
        var sequences = rows.Select(r => r.Sequence).ToList();
        return await db.OutboxMessages.CountAsync(m => sequences.Contains(m.Sequence) && m.SentAt == null);
    }
}
