extern alias api;
using System.Diagnostics;
using api::CrmAlliance.Api.Infrastructure.Data;
using api::CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>
/// The outbox dispatcher against MassTransit's plain publish, on the same bus, broker and message type:
/// <see cref="PlacementEnded"/>, which no consumer of ours subscribes to; a durable queue of the run's own is
/// bound to its exchange, so every message is routed and persisted as a consumed event would be (an unrouted
/// publish is confirmed without touching a queue), and purged between measurements.
/// Plain: <c>IBus.Publish</c> with a MessageId, in concurrent batches of the dispatcher's batch size, each batch
/// awaited with <c>Task.WhenAll</c>. Outbox: the same number of rows committed in one transaction, timed from
/// the commit until the dispatcher has marked every row sent.
/// </summary>
public sealed class PublishComparison(IServiceProvider api, VacancyTraces traces, string virtualHost)
{
    public const string SinkQueue = "e2e-placement-ended-sink";
    private static readonly string Exchange = $"{typeof(PlacementEnded).Namespace}:{nameof(PlacementEnded)}";

    public sealed record Result(string Path, string Aggregates, int Messages, TimeSpan Elapsed, string Note)
    {
        public double PerSecond => Messages / Elapsed.TotalSeconds;
    }

    public int BatchSize => api.GetRequiredService<IOptions<OutboxOptions>>().Value.BatchSize;

    /// <summary>The message's position within its aggregate travels in CompanyId, so the observer can check the order.</summary>
    public static int IndexOf(PlacementEnded message) => BitConverter.ToInt32(message.CompanyId.ToByteArray(), 0);

    private static PlacementEnded Message(Guid aggregateId, int index)
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes, index);
        return new PlacementEnded(aggregateId, new Guid(bytes), "Internship", "Completed", new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30));
    }

    /// <summary>One publish declares the exchange; then the sink queue is bound to it.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await api.GetRequiredService<IBus>().Publish(Message(Guid.NewGuid(), 0), cancellationToken);
        await using var connection = await Connect(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(SinkQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(SinkQueue, Exchange, routingKey: "", cancellationToken: cancellationToken);
    }

    public async Task<Result> PlainAsync(int count, CancellationToken cancellationToken)
    {
        await PurgeAsync(cancellationToken);
        var bus = api.GetRequiredService<IBus>();
        var batchSize = BatchSize;
        var started = Stopwatch.GetTimestamp();
        for (var first = 0; first < count; first += batchSize)
        {
            var batch = Enumerable.Range(first, Math.Min(batchSize, count - first))
                .Select(_ => bus.Publish(Message(Guid.NewGuid(), 0), publish => publish.MessageId = NewId.NextGuid(), cancellationToken));
            await Task.WhenAll(batch);
        }

        return new("MassTransit plain publish (`IBus.Publish`, concurrent batches of " + batchSize + ")", "all distinct", count, Stopwatch.GetElapsedTime(started), "");
    }

    public async Task<Result> OutboxAsync(int count, int? aggregates, CancellationToken cancellationToken)
    {
        await PurgeAsync(cancellationToken);
        traces.ResetComparison();
        var ids = Enumerable.Range(0, aggregates ?? count).Select(_ => Guid.NewGuid()).ToArray();
        var violationsBefore = traces.OrderViolations;
        long committed;
        TimeSpan insert;
        await using (var scope = api.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = DateTimeOffset.UtcNow;
            db.OutboxMessages.AddRange(Enumerable.Range(0, count).Select(i => OutboxMessage.Create(ids[i % ids.Length], Message(ids[i % ids.Length], i / ids.Length), now)));
            var saving = Stopwatch.GetTimestamp();

            // One SaveChanges: one transaction, whose commit signals the dispatcher.
            await db.SaveChangesAsync(cancellationToken);
            committed = Stopwatch.GetTimestamp();
            insert = Stopwatch.GetElapsedTime(saving, committed);
        }

        TimeSpan? allPublished = null;
        await using (var scope = api.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var deadline = committed + (60 * Stopwatch.Frequency);
            while (await db.OutboxMessages.CountAsync(m => m.SentAt == null, cancellationToken) > 0)
            {
                if (allPublished is null && traces.ComparisonPublished >= count)
                {
                    allPublished = Stopwatch.GetElapsedTime(committed);
                }

                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"The dispatcher had not marked {count} rows sent within 60 s.");
                }

                await Task.Delay(5, cancellationToken);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(committed);
        var order = aggregates is null ? "" : $"; order kept per aggregate: {(traces.OrderViolations == violationsBefore ? "yes" : $"NO ({traces.OrderViolations - violationsBefore} out of order)")}";
        var note = $"insert of the {count:N0} rows (one commit) took {insert.TotalMilliseconds:N0} ms, not counted; last broker confirm at {(allPublished ?? elapsed).TotalMilliseconds:N0} ms{order}";
        return new("Outbox dispatcher (commit → every row marked sent)", aggregates is { } n ? $"{n}" : "all distinct", count, elapsed, note);
    }

    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Connect(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.QueuePurgeAsync(SinkQueue, cancellationToken);
    }

    private Task<IConnection> Connect(CancellationToken cancellationToken)
        => new ConnectionFactory { HostName = RabbitMqVirtualHost.Host, VirtualHost = virtualHost }.CreateConnectionAsync(cancellationToken);
}
