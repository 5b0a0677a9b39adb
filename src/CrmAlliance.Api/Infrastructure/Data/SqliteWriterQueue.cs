using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CrmAlliance.Bus.Telemetry;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>
/// Lines this process's SQLite transactions up for the database's one write lock, first come first served. EF's
/// transactions on SQLite begin IMMEDIATE (they take the write lock at once); left to SQLite, the waiters poll it with
/// growing sleeps (up to 100 ms each), so a writer that had waited long kept sleeping while newcomers took the lock:
/// under 50 clients logging contacts, writes' p99 was 10 s (issue 13). Here they wait in line (an async FIFO), and
/// the lock is free when each one's turn comes. A transaction's place is held from its start until it commits, rolls
/// back, fails or its connection closes. Waiting is bounded by the busy timeout: past it the transaction goes on to
/// SQLite's own waiting as before, so a flow that nests two connections' transactions (never meant to) is no worse off.
/// One per host (its database); other processes on the same file still meet SQLite's busy timeout.
/// </summary>
public sealed class SqliteWriterQueue : DbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(SqliteBusyTimeoutInterceptor.BusyTimeoutMilliseconds);

    /// <summary>How long transactions waited for their turn: what a yield rebuild or a busy moment costs writers.</summary>
    private static readonly Histogram<double> Wait = CrmTelemetry.Meter.CreateHistogram<double>(
        WaitInstrument, unit: "s", description: "Time SQLite write transactions waited in line for the write lock.");

    public const string WaitInstrument = "crmalliance.sqlite.writer.wait";

    private readonly SemaphoreSlim _turn = new(1, 1);
    // By EF's connection ID (one per context): whether that connection has the turn (false: its wait timed out).
    private readonly ConcurrentDictionary<Guid, bool> _places = new();

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!_places.ContainsKey(eventData.ConnectionId))
        {
            var started = Stopwatch.GetTimestamp();
            _places[eventData.ConnectionId] = _turn.Wait(MaxWait);
            Wait.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!_places.ContainsKey(eventData.ConnectionId))
        {
            var started = Stopwatch.GetTimestamp();
            _places[eventData.ConnectionId] = await _turn.WaitAsync(MaxWait, cancellationToken);
            Wait.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Leave(eventData.ConnectionId);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Leave(eventData.ConnectionId);

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.ConnectionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) => Leave(eventData.ConnectionId);

    // A transaction disposed without commit or rollback tells no interceptor; closing its connection ends it.
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.ConnectionId);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.ConnectionId);

    private Task Leave(Guid connectionId)
    {
        if (_places.TryRemove(connectionId, out var hasTurn) && hasTurn)
        {
            _turn.Release();
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _turn.Dispose();
}
