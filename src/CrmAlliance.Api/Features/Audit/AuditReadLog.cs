using System.Threading.Channels;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Audit;

/// <summary>
/// Writes the read entries (candidate lists, details, exports, the snapshot) in batches, off the reading request: a
/// read that wrote its own entry waited in line for SQLite's one write lock behind every writer, which made the read
/// path's p99 4–5× slower (README, "The audit trail's cost"). A read's entry is queued when the data is read and
/// written within <see cref="FlushInterval"/>; a crash loses at most that last fraction of a second of read entries
/// (changes are never queued: their entries commit with them). The queue is bounded: when it is full, reads wait.
/// A host without background services (a command) writes each entry at once instead.
/// </summary>
public sealed partial class AuditReadLog(IServiceScopeFactory scopes, ILogger<AuditReadLog> logger) : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);
    private const int BatchSize = 500;

    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(10_000) { SingleReader = false, FullMode = BoundedChannelFullMode.Wait });
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly List<AuditEntry> _pending = new(BatchSize);
    private volatile bool _running;
    private volatile bool _disposed;

    /// <summary>Whether the writer runs (the web host); when not, <see cref="AuditTrail"/> saves each read entry itself.</summary>
    public bool IsRunning => _running;

    public ValueTask EnqueueAsync(AuditEntry entry, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(entry, cancellationToken);

    /// <summary>Writes everything queued so far (tests; the host's stop).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (!_disposed && await WriteBatchAsync(cancellationToken) > 0)
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running = true;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                try
                {
                    await WriteBatchAsync(stoppingToken);
                    await Task.Delay(FlushInterval, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The batch is kept (_pending) and written first in the next round.
                    LogWriteFailed(logger, ex);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _running = false;

        // What was read before the stop is written even when the host's own stop time is up: bounded by our own limit.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await FlushAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            LogNotFlushed(logger, _queue.Reader.Count + _pending.Count);
        }
        catch (ObjectDisposedException)
        {
            // The host went on disposing its services while we wrote (its stop time ran out first): nothing can be
            // written any more; say how much is lost instead of failing the host's stop.
            LogNotFlushed(logger, _queue.Reader.Count + _pending.Count);
        }
    }

    public override void Dispose()
    {
        // A host may stop its services again after disposing them (WebApplicationFactory does): nothing is left to write then.
        _disposed = true;
        _writing.Dispose();
        base.Dispose();
    }

    /// <summary>Writes the next batch; a batch that failed is kept and written first next time, so none is lost.</summary>
    private async Task<int> WriteBatchAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            while (_pending.Count < BatchSize && _queue.Reader.TryRead(out var entry))
            {
                _pending.Add(entry);
            }

            if (_pending.Count == 0)
            {
                return 0;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            foreach (var entry in _pending)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    At = entry.At,
                    ActorUserId = entry.ActorUserId,
                    ActorEmail = entry.ActorEmail,
                    ActorRole = entry.ActorRole,
                    Action = entry.Action,
                    EntityType = entry.EntityType,
                    EntityId = entry.EntityId,
                    CandidateId = entry.CandidateId,
                    Details = entry.Details,
                    RowCount = entry.RowCount,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            var written = _pending.Count;
            _pending.Clear();
            return written;
        }
        finally
        {
            _writing.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping: {Count} audit read entries could not be written (10 s passed, or the host's services were gone).")]
    private static partial void LogNotFlushed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing audit read entries failed; retrying.")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);
}
