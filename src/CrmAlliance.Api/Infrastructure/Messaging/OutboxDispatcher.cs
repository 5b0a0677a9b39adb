using System.Diagnostics;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Bus.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// One dispatch round of an <see cref="OutboxPipeline"/>: records the aggregates that finished publishing since the
/// last round, then claims the oldest unsent rows of aggregates not under way and starts publishing them —
/// aggregates concurrently, each aggregate's events strictly in order — without waiting for them. With a broker, sent
/// means the broker confirmed it; with the in-memory bus, that every consumer committed its effect
/// (<see cref="IEventPublisher.AwaitsConsumers"/>). A failed publish stops its aggregate (later events of it wait)
/// and backs off.
/// </summary>
public sealed class OutboxDispatcher(CrmDbContext db, IEventPublisher publisher, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    private readonly OutboxOptions settings = options.Value;

    /// <summary>Rows read, runs started and rows recorded as sent in a round.</summary>
    public sealed record RoundResult(int Read, int Started, int Sent, int Failed);

    public async Task<RoundResult> DispatchOnceAsync(OutboxPipeline pipeline, CancellationToken cancellationToken)
    {
        var finished = pipeline.Finished();
        await RecordAsync([.. finished.Select(f => f.Run)], cancellationToken);
        pipeline.Forget(finished.Select(f => f.AggregateId));
        var sent = finished.Sum(f => f.Run.Sent.Count);
        var failed = finished.Count(f => f.Run.Failure is not null);
        var room = settings.BatchSize - pipeline.Running;
        if (room <= 0)
        {
            return new(0, 0, sent, failed);
        }

        var now = clock.GetUtcNow();
        var busy = pipeline.RunningAggregates();
        var unsent = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && !busy.Contains(m.AggregateId))
            .OrderBy(m => m.Sequence)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        var ready = ReadyPrefixes(unsent, now).Take(room).ToList();
        if (ready.Count > 0)
        {
            ready = await ClaimAsync(ready, pipeline.DispatcherId, now, cancellationToken);
            foreach (var rows in ready)
            {
                pipeline.Start(rows[0].AggregateId, PublishInOrderAsync(rows, cancellationToken));
            }
        }

        return new(unsent.Count, ready.Count, sent, failed);
    }

    /// <summary>Per aggregate, the leading rows that are due and not claimed by another dispatcher.</summary>
    private static List<List<OutboxMessage>> ReadyPrefixes(List<OutboxMessage> unsent, DateTimeOffset now)
        => unsent.GroupBy(m => m.AggregateId)
            .Select(g => g.TakeWhile(m => (m.NextAttemptAt is null || m.NextAttemptAt <= now)
                && (m.ClaimedUntil is null || m.ClaimedUntil < now)).ToList())
            .Where(rows => rows.Count > 0)
            .ToList();

    private async Task<List<List<OutboxMessage>>> ClaimAsync(List<List<OutboxMessage>> ready, Guid dispatcherId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sequences = ready.SelectMany(rows => rows).Select(m => m.Sequence).ToList();
        var until = now + settings.ClaimLease;
        var claimed = await db.OutboxMessages
            .Where(m => sequences.Contains(m.Sequence) && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, dispatcherId).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
        if (claimed == sequences.Count)
        {
            return ready;
        }

        // Another replica won some rows: keep, per aggregate, only an unbroken run of our own from its start.
        var ours = (await db.OutboxMessages.AsNoTracking()
            .Where(m => sequences.Contains(m.Sequence) && m.ClaimedBy == dispatcherId && m.SentAt == null)
            .Select(m => m.Sequence)
            .ToListAsync(cancellationToken)).ToHashSet();
        return ready.Select(rows => rows.TakeWhile(m => ours.Contains(m.Sequence)).ToList()).Where(rows => rows.Count > 0).ToList();
    }

    /// <summary>Never throws: a failure or the host stopping ends the run, and the rows not published are reported.</summary>
    private async Task<PublishedRun> PublishInOrderAsync(List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        // Off the round's thread at once: a publish that completes synchronously would otherwise run the aggregates one
        // after another inside the round that starts them.
        await Task.Yield();
        var sent = new List<long>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(publisher.AwaitsConsumers ? settings.DeliveryTimeout : settings.PublishTimeout);
            using var span = StartPublishSpan(row);
            try
            {
                await publisher.PublishAsync(MessageTypes.Deserialize(row), MessageTypes.TypeOf(row.MessageType), row.MessageId, timeout.Token);
                sent.Add(row.Sequence);
            }
            catch (Exception ex)
            {
                span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                var notTried = rows.Skip(i + 1).Select(r => r.Sequence).ToList();
                if (cancellationToken.IsCancellationRequested)
                {
                    return new(sent, null, [row.Sequence, .. notTried]);
                }

                var error = ex is not OperationCanceledException ? $"{ex.GetType().Name}: {ex.Message}"
                    : publisher.AwaitsConsumers ? $"Not consumed within {settings.DeliveryTimeout.TotalSeconds:0.#} s."
                    : $"No broker confirmation within {settings.PublishTimeout.TotalSeconds:0.#} s.";
                return new(sent, new(row, error), notTried);
            }
        }

        return new(sent, null, []);
    }

    /// <summary>
    /// A span for one publish, as a child of the request that queued the event (<see cref="OutboxMessage.TraceParent"/>):
    /// MassTransit carries it on to the consumers, so a vacancy's post, its matching and its stored suggestions share a
    /// trace although the outbox publishes later, from another thread or replica. Null when no tracer listens.
    /// </summary>
    private static Activity? StartPublishSpan(OutboxMessage row)
        => CrmTelemetry.Source.StartActivity(
            $"outbox publish {row.MessageType}",
            ActivityKind.Internal,
            ActivityContext.TryParse(row.TraceParent, null, out var queuedBy) ? queuedBy : default,
            [new("messaging.message.id", row.MessageId.ToString()), new("crmalliance.outbox.sequence", row.Sequence)]);

    /// <summary>
    /// Records finished runs (also when the host stops, after <see cref="OutboxPipeline.DrainAsync"/>): what was
    /// published is marked sent, failures back off, claimed rows not tried are given back.
    /// </summary>
    public async Task RecordAsync(List<PublishedRun> runs, CancellationToken cancellationToken)
    {
        // Recording must not be skipped because the host is stopping: the rows are published already.
        var now = clock.GetUtcNow();
        var sent = runs.SelectMany(r => r.Sent).ToList();
        if (sent.Count > 0)
        {
            await db.OutboxMessages.Where(m => sent.Contains(m.Sequence))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }

        foreach (var (row, error) in runs.Where(r => r.Failure is not null).Select(r => r.Failure!))
        {
            var attempts = row.Attempts + 1;
            var next = now + settings.BackoffAfter(attempts);
            var message = error.Length > 1000 ? error[..1000] : error;
            await db.OutboxMessages.Where(m => m.Sequence == row.Sequence)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, message)
                    .SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
            logger.LogWarning("Publishing {MessageType} {MessageId} failed (attempt {Attempts}): {Error}; retrying at {Next:u}.", row.MessageType, row.MessageId, attempts, message, next);
        }

        // Rows behind a failure in their aggregate were claimed but not tried: give them back. (Each write
        // waits for SQLite's single write lock, so the common all-sent round skips it.)
        var notTried = runs.SelectMany(r => r.NotTried).ToList();
        if (notTried.Count > 0)
        {
            await db.OutboxMessages.Where(m => notTried.Contains(m.Sequence) && m.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
