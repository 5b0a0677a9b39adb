using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// One dispatch round: claims the oldest unsent rows, publishes them — aggregates concurrently, each
/// aggregate's events strictly in order — and records what was sent. With a broker, sent means the broker
/// confirmed it; with the in-memory bus, that every consumer committed its effect (<see cref="IEventPublisher.AwaitsConsumers"/>). A failed publish stops its
/// aggregate for this round (later events of it wait) and backs off.
/// </summary>
public sealed class OutboxDispatcher(CrmDbContext db, IEventPublisher publisher, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    private readonly OutboxOptions settings = options.Value;
    private readonly Guid dispatcherId = Guid.NewGuid();

    public sealed record RoundResult(int Read, int Sent, int Failed);

    public async Task<RoundResult> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var unsent = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Sequence)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        var ready = ReadyPrefixes(unsent, now);
        if (ready.Count == 0)
        {
            return new(unsent.Count, 0, 0);
        }

        ready = await ClaimAsync(ready, now, cancellationToken);
        var outcomes = await Task.WhenAll(ready.Select(rows => PublishInOrderAsync(rows, cancellationToken)));
        var sent = outcomes.SelectMany(o => o.Sent).ToList();
        var failed = outcomes.Where(o => o.Failure is not null).Select(o => o.Failure!).ToList();
        await RecordAsync(sent, failed, ready.Sum(rows => rows.Count), cancellationToken);
        return new(unsent.Count, sent.Count, failed.Count);
    }

    /// <summary>Per aggregate, the leading rows that are due and not claimed by another dispatcher.</summary>
    private static List<List<OutboxMessage>> ReadyPrefixes(List<OutboxMessage> unsent, DateTimeOffset now)
        => unsent.GroupBy(m => m.AggregateId)
            .Select(g => g.TakeWhile(m => (m.NextAttemptAt is null || m.NextAttemptAt <= now)
                && (m.ClaimedUntil is null || m.ClaimedUntil < now)).ToList())
            .Where(rows => rows.Count > 0)
            .ToList();

    private async Task<List<List<OutboxMessage>>> ClaimAsync(List<List<OutboxMessage>> ready, DateTimeOffset now, CancellationToken cancellationToken)
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

    private sealed record AggregateOutcome(List<long> Sent, FailedAttempt? Failure);

    private sealed record FailedAttempt(OutboxMessage Row, string Error);

    private async Task<AggregateOutcome> PublishInOrderAsync(List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var sent = new List<long>(rows.Count);
        foreach (var row in rows)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(publisher.AwaitsConsumers ? settings.DeliveryTimeout : settings.PublishTimeout);
            try
            {
                await publisher.PublishAsync(MessageTypes.Deserialize(row), MessageTypes.TypeOf(row.MessageType), row.MessageId, timeout.Token);
                sent.Add(row.Sequence);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var error = ex is not OperationCanceledException ? $"{ex.GetType().Name}: {ex.Message}"
                    : publisher.AwaitsConsumers ? $"Not consumed within {settings.DeliveryTimeout.TotalSeconds:0.#} s."
                    : $"No broker confirmation within {settings.PublishTimeout.TotalSeconds:0.#} s.";
                return new(sent, new(row, error));
            }
        }

        return new(sent, null);
    }

    private async Task RecordAsync(List<long> sent, List<FailedAttempt> failed, int claimed, CancellationToken cancellationToken)
    {
        // Recording must not be skipped because the host is stopping: the rows are published already.
        var now = clock.GetUtcNow();
        if (sent.Count > 0)
        {
            await db.OutboxMessages.Where(m => sent.Contains(m.Sequence))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }

        foreach (var (row, error) in failed)
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
        if (failed.Count > 0 || sent.Count < claimed)
        {
            await db.OutboxMessages.Where(m => m.ClaimedBy == dispatcherId && m.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
