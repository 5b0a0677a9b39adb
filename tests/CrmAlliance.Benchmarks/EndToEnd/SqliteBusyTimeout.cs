using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>
/// An experiment, off unless <c>--sqlite-busy-timeout</c> is given, never the shipped configuration: sets SQLite's own
/// busy timeout on every connection the Api opens. Without it SQLite answers a second writer SQLITE_BUSY at once and
/// Microsoft.Data.Sqlite retries after a fixed sleep (150 ms in its source), which the figures show as ~150 ms steps;
/// with it SQLite waits for the lock in steps of 1–100 ms.
/// </summary>
public sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds};";
        command.ExecuteNonQuery();
    }
}
