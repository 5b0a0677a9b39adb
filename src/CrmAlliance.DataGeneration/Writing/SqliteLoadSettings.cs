using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CrmAlliance.DataGeneration.Writing;

/// <summary>
/// Connection settings for a bulk load into SQLite, set before its transaction and put back after it.
/// A 64 MB page cache instead of 2 MB keeps the pages the load touches again in memory (256 MB was no faster and
/// took 230 MB more memory). A rollback journal instead of the write-ahead log writes a new database's pages
/// once instead of into the log and again into the file, and its journal holds only the few pages that existed
/// before. SQLite can leave write-ahead logging only while no other connection has the file open (the seed
/// command is alone; an Api serving requests is not): then the load keeps the log and is merely slower.
/// </summary>
public sealed class SqliteLoadSettings(DbConnection connection)
{
    private const int LoadCacheKilobytes = 65_536;

    private string? journalBefore;
    private long cacheBefore;

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        cacheBefore = await ScalarAsync<long>("PRAGMA cache_size;", cancellationToken);
        await ScalarAsync<object?>($"PRAGMA cache_size = -{LoadCacheKilobytes};", cancellationToken);
        journalBefore = await ScalarAsync<string>("PRAGMA journal_mode;", cancellationToken);
        await TrySetJournalModeAsync("delete", cancellationToken);
    }

    /// <summary>Puts the connection (which goes back to the pool) and the file back as they were.</summary>
    public async Task RestoreAsync()
    {
        if (journalBefore is { } journal)
        {
            await TrySetJournalModeAsync(journal, CancellationToken.None);
        }

        await ScalarAsync<object?>($"PRAGMA cache_size = {cacheBefore.ToString(CultureInfo.InvariantCulture)};", CancellationToken.None);
    }

    /// <summary>
    /// Changes the journal mode if SQLite can at once. Neither SQLite (busy_timeout 0 meanwhile) nor
    /// Microsoft.Data.Sqlite (which retries a busy statement until the command times out: 1 s here) waits long
    /// for other connections.
    /// </summary>
    private async Task TrySetJournalModeAsync(string mode, CancellationToken cancellationToken)
    {
        var busyTimeout = await ScalarAsync<long>("PRAGMA busy_timeout;", cancellationToken);
        await ScalarAsync<object?>("PRAGMA busy_timeout = 0;", cancellationToken);
        try
        {
            await ScalarAsync<object?>($"PRAGMA journal_mode = {mode};", cancellationToken, timeoutSeconds: 1);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY or SQLITE_LOCKED: another connection has the file open; the mode stays as it is.
        }
        finally
        {
            await ScalarAsync<object?>($"PRAGMA busy_timeout = {busyTimeout.ToString(CultureInfo.InvariantCulture)};", CancellationToken.None);
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Fixed pragmas with numbers and mode names from this class.")]
    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken, int? timeoutSeconds = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds ?? command.CommandTimeout;
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
