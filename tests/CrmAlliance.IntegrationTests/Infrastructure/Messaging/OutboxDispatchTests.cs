using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmAlliance.IntegrationTests.Infrastructure.Messaging;

/// <summary>
/// The dispatcher against a broker that goes down on cue: nothing is lost, order per aggregate holds,
/// every attempt carries the row's MessageId, and concurrent dispatchers never publish a row twice.
/// </summary>
public class OutboxDispatchTests : IClassFixture<OutboxDispatchTests.Factory>
{
    public class Factory : IDisposable
    {
        public ScriptedBroker Broker { get; } = new();

        public CrmApiFactory Api { get; }

        public void Dispose()
        {
            Api.Dispose();
            GC.SuppressFinalize(this);
        }

        // Short intervals so the test runs in seconds; the defaults are in OutboxOptions.
        private static readonly Dictionary<string, string> Fast = new()
        {
            ["Outbox:PollInterval"] = "00:00:00.2",
            ["Outbox:PublishTimeout"] = "00:00:00.3",
            ["Outbox:FirstBackoff"] = "00:00:00.1",
            ["Outbox:MaxBackoff"] = "00:00:00.4",
            ["Outbox:BatchSize"] = "50",
        };

        public Factory()
            : this(null)
        {
        }

        protected Factory(TestDatabase? database) => Api = new CrmApiFactory(Fast, services => services.Replace(ServiceDescriptor.Singleton<IEventPublisher>(Broker)), database);
    }

    public sealed class PostgresFactory() : Factory(TestDatabase.PostgresWhereConfigured());

    private readonly Factory _factory;

    public OutboxDispatchTests(Factory factory) => _factory = factory;

    private ScriptedBroker Broker => _factory.Broker;

    [Fact]
    public async Task While_the_broker_is_down_events_wait_and_then_go_out_once_each_in_order_per_aggregate()
    {
        var admin = await _factory.Api.SignInAsAdminAsync();
        Broker.IsDown = true;
        try
        {
            await WhileDownAsync(admin);
        }
        finally
        {
            Broker.IsDown = false;
        }
    }

    private async Task WhileDownAsync(GraphQLClient admin)
    {
        var aggregates = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var rows = await EnqueueAsync(Enumerable.Range(0, 4).SelectMany(round => aggregates.Select(a => (a, (object)new VacancyClosed(a, $"Round{round}", DateTimeOffset.UtcNow)))).ToList());

        await Polling.WaitForAsync(async () => (await StatusAsync(admin))["retrying"]!.GetValue<int>() >= aggregates.Count, "every aggregate's first event to fail once");
        var status = await StatusAsync(admin);
        Assert.True(status["backlog"]!.GetValue<int>() >= rows.Count, $"backlog {status.ToJsonString()} rows {rows.Count}");
        Assert.Contains("No broker confirmation", status["oldestUnsent"]!["lastError"]!.GetValue<string>());
        Assert.DoesNotContain(Broker.Published, p => rows.Any(r => r.MessageId == p.MessageId));

        Broker.IsDown = false;
        await Polling.WaitForAsync(async () => await UnsentAsync(rows) == 0, "the backlog to drain after the broker came back");

        var ours = Broker.Published.Where(p => rows.Any(r => r.MessageId == p.MessageId)).ToList();
        Assert.Equal(rows.Count, ours.Count);
        Assert.Equal(rows.Count, ours.Select(p => p.MessageId).Distinct().Count());
        foreach (var aggregate in aggregates)
        {
            var expected = rows.Where(r => r.AggregateId == aggregate).OrderBy(r => r.Sequence).Select(r => r.MessageId);
            Assert.Equal(expected, ours.Where(p => ((VacancyClosed)p.Message).VacancyId == aggregate).Select(p => p.MessageId));
        }

        // Retries re-sent the same rows: every attempt at one of these events carried that event's row id.
        var attempts = Broker.Attempts.Where(a => a.Message is VacancyClosed closed && aggregates.Contains(closed.VacancyId)).ToList();
        Assert.All(attempts, a => Assert.Equal(a.Message, MessageTypes.Deserialize(rows.Single(r => r.MessageId == a.MessageId))));
        Assert.True(attempts.Count > rows.Count);
    }

    [Fact]
    public async Task Concurrent_dispatchers_publish_each_event_exactly_once_and_in_order()
    {
        var aggregates = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        var rows = await EnqueueAsync(Enumerable.Range(0, 10).SelectMany(round => aggregates.Select(a => (a, (object)new VacancyClosed(a, $"Round{round}", DateTimeOffset.UtcNow)))).ToList());

        // Three more dispatchers (as on three more Api replicas) race the hosted one.
        var racers = Enumerable.Range(0, 3).Select(async _ =>
        {
            var pipeline = new OutboxPipeline();
            while (await UnsentAsync(rows) > 0)
            {
                await using var scope = _factory.Api.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(pipeline, CancellationToken.None);
                await Task.WhenAny(pipeline.AnyFinished, Task.Delay(50));
            }
        });
        await Task.WhenAll(racers);

        var ours = Broker.Published.Where(p => rows.Any(r => r.MessageId == p.MessageId)).ToList();
        Assert.Equal(rows.Count, ours.Count);
        Assert.Equal(rows.Count, ours.Select(p => p.MessageId).Distinct().Count());
        foreach (var aggregate in aggregates)
        {
            var expected = rows.Where(r => r.AggregateId == aggregate).OrderBy(r => r.Sequence).Select(r => r.MessageId);
            Assert.Equal(expected, ours.Where(p => ((VacancyClosed)p.Message).VacancyId == aggregate).Select(p => p.MessageId));
        }
    }

    private async Task<List<OutboxMessage>> EnqueueAsync(IReadOnlyList<(Guid Aggregate, object Message)> events)
    {
        await using var scope = _factory.Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        foreach (var (aggregate, message) in events)
        {
            db.Enqueue(aggregate, (VacancyClosed)message, DateTimeOffset.UtcNow);
        }

        await db.SaveChangesAsync();
        var ids = events.Select(e => e.Aggregate).Distinct().ToList();
        return await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.AggregateId)).OrderBy(m => m.Sequence).ToListAsync();
    }

    private async Task<int> UnsentAsync(List<OutboxMessage> rows)
    {
        await using var db = _factory.Api.NewDbContext();
        var sequences = rows.Select(r => r.Sequence).ToList();
        return await db.OutboxMessages.CountAsync(m => sequences.Contains(m.Sequence) && m.SentAt == null);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> StatusAsync(GraphQLClient admin)
        => (await admin.QueryAsync("{ outboxStatus { backlog retrying oldestUnsent { messageType attempts lastError } } }"))["outboxStatus"]!;
}

/// <summary>The dispatchers' claims (the lease) on PostgreSQL, where the racing replicas' updates really run at once.</summary>
[OnPostgres]
public sealed class OutboxDispatchOnPostgresTests(OutboxDispatchTests.PostgresFactory factory) : OutboxDispatchTests(factory), IClassFixture<OutboxDispatchTests.PostgresFactory>;
