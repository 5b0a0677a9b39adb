using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>
/// SQLite has one writer at a time. Without a busy timeout it answers a second writer SQLITE_BUSY at once
/// and Microsoft.Data.Sqlite retries after a fixed 150 ms sleep, which under load (requests, the outbox
/// dispatcher and bus consumers all writing) added whole 150 ms steps to commits. With it SQLite waits
/// for the lock itself, in steps of 1–100 ms; 30 s is the same limit as the command timeout.
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeoutInterceptor Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
