using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>
/// SQLite has one writer at a time. Without a busy timeout it answers a second writer SQLITE_BUSY at once
/// and Microsoft.Data.Sqlite retries after a fixed 150 ms sleep, which under load (requests, the outbox
/// dispatcher and bus consumers all writing) added whole 150 ms steps to commits. With it SQLite waits
/// for the lock itself, in steps of 1–100 ms; 30 s is the same limit as the command timeout. It is set on the
/// connection's handle directly (sqlite3_busy_timeout, what the PRAGMA does): a PRAGMA command on every open was one
/// more SQL round trip per request.
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeoutInterceptor Instance = new();

    public const int BusyTimeoutMilliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        => SQLitePCL.raw.sqlite3_busy_timeout(((SqliteConnection)connection).Handle, BusyTimeoutMilliseconds);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
