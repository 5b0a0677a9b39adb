using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// The read model's tables built aside on SQLite: <c>YieldCells__next</c> and so on, created from the live tables'
/// own DDL (so a migration's change reaches them without code here) with their indexes, and swapped in by renaming.
/// Renaming is a change to the schema only, so the swap holds the write lock for milliseconds whatever the size.
/// </summary>
/// <remarks>
/// SQLite keeps an explicitly named index's name when its table is renamed, and index names are unique per
/// database, so the aside tables' indexes alternate between the model's name and the name with
/// <see cref="Suffix"/>: after an odd number of rebuilds the live indexes carry the suffix. Nothing reads index
/// names at run time; a future migration that drops one of these indexes must drop it under both names.
/// </remarks>
public sealed class YieldShadowTables(CrmDbContext db) : IYieldAsideTables
{
    public const string Suffix = "__next";

    /// <summary>Every read-model table the rebuild replaces (the state, change log and rebuild's own tables stay).</summary>
    public static readonly IReadOnlyList<string> Tables =
        ["YieldCompanies", "YieldPlacementFacts", "YieldVacancyFacts", "YieldContactFacts", "YieldPledgeFacts", "YieldCells"];

    public static string Aside(string table) => table + Suffix;

    /// <summary>
    /// Page cache for the rebuild's connection, in KiB. With SQLite's default of 2 MB, writing millions of rows
    /// evicted and rewrote index pages over and over (the old rebuild wrote 15 GB for a 3 GB model). Since the cells
    /// are written in the period index's order, 16 MB writes as fast as 64 MB did (69.5 s, 13.0 GB) and the peak is
    /// 73 MB lower.
    /// </summary>
    public const int RebuildCacheKiB = 16_384;

    private string? synchronousBefore;
    private TimeSpan heldSincePause;

    /// <inheritdoc/>
    public bool WritesBlockOtherWriters => true;

    /// <inheritdoc/>
    public TimeSpan LongestCleanupHold { get; private set; }

    /// <inheritdoc/>
    public async Task CreateAsync(YieldRebuildOptions options, CancellationToken cancellationToken)
    {
        // The old tables of an earlier swap still hold the index names the aside tables take now; a crashed
        // rebuild's aside tables are started afresh.
        await DropRetiredAsync(options, cancellationToken);
        await DropAsync(options, cancellationToken);
        var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"PRAGMA cache_size = -{RebuildCacheKiB}", cancellationToken);

        synchronousBefore ??= await ScalarAsync(connection, "PRAGMA synchronous", null, cancellationToken);
        await DurableCommitsAsync(false, cancellationToken);

        // A commit that finds the write-ahead log long copies it into the database before it returns, and the
        // rebuild's next writer waits for that (SqliteWriterQueue hands the turn on after the commit). The rebuild
        // copies it itself, after each transaction, without the lock (AsideWriter).
        await ExecuteAsync(connection, "PRAGMA wal_autocheckpoint = 0", cancellationToken);
        foreach (var table in Tables)
        {
            var tableSql = await ScalarAsync(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $name", table, cancellationToken)
                ?? throw new InvalidOperationException($"The read-model table {table} does not exist; migrate first.");
            var indexes = new List<(string Name, string Sql)>();
            await using (var command = Command(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $name AND sql IS NOT NULL", table))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            await ExecuteAsync(connection, ReplaceFirst(tableSql, Quote(table), Quote(Aside(table))), cancellationToken);
            foreach (var (name, sql) in indexes)
            {
                var renamed = ReplaceFirst(ReplaceFirst(sql, Quote(name), Quote(AlternateName(name))), $"ON {Quote(table)}", $"ON {Quote(Aside(table))}");
                await ExecuteAsync(connection, renamed, cancellationToken);
            }
        }
    }

    /// <inheritdoc/>
    public async Task DropAsync(YieldRebuildOptions options, CancellationToken cancellationToken)
    {
        foreach (var table in Tables)
        {
            await EmptyAndDropAsync(Aside(table), options, cancellationToken);
        }
    }

    /// <summary>
    /// Whether each commit waits until it is on disk. Commits to the aside tables need not (the rebuild runs with
    /// <c>false</c>): nothing reads those tables before the swap, and a rebuild cut short starts afresh; each flush
    /// cost more than writing the transaction's rows. The swap is made with <c>true</c>.
    /// </summary>
    public async Task DurableCommitsAsync(bool durable, CancellationToken cancellationToken)
        => await ExecuteAsync(await OpenAsync(cancellationToken), durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL", cancellationToken);

    /// <summary>
    /// Copies what the write-ahead log holds into the database as far as no reader needs it, without taking the write
    /// lock: other writers go on meanwhile (the rebuild's connection does not do it in its commits).
    /// </summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
        => await ExecuteAsync(await OpenAsync(cancellationToken), "PRAGMA wal_checkpoint(PASSIVE)", cancellationToken);

    /// <summary>Gives the pooled connection SQLite's default page cache, log copying and durability back.</summary>
    public async Task ResetConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA cache_size = -2000", cancellationToken);
        await ExecuteAsync(connection, "PRAGMA wal_autocheckpoint = 1000", cancellationToken);
        await ExecuteAsync(connection, $"PRAGMA synchronous = {(synchronousBefore is { } level ? long.Parse(level, CultureInfo.InvariantCulture) : 2)}", cancellationToken);
    }

    /// <summary>
    /// Replaces the live tables with the aside ones; call inside the swap's transaction. The old tables are renamed
    /// (retired), not dropped: dropping a table frees every page of it, seconds for millions of rows.
    /// </summary>
    public async Task SwapInAsync(YieldRebuildOptions options, CancellationToken cancellationToken)
    {
        foreach (var table in Tables)
        {
            var retire = $"ALTER TABLE {Quote(table)} RENAME TO {Quote(Retired(table))}";
            var rename = $"ALTER TABLE {Quote(Aside(table))} RENAME TO {Quote(table)}";
            await db.Database.ExecuteSqlRawAsync(retire, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(rename, cancellationToken);
        }
    }

    /// <summary>Never: the swap takes its turn in the writer queue like any SQLite writer.</summary>
    public bool IsLockConflict(Exception exception) => false;

    /// <summary>Empties and drops the old tables of the last swap (see <see cref="EmptyAndDropAsync"/>).</summary>
    public async Task DropRetiredAsync(YieldRebuildOptions options, CancellationToken cancellationToken)
    {
        foreach (var table in Tables)
        {
            await EmptyAndDropAsync(Retired(table), options, cancellationToken);
        }
    }

    /// <summary>
    /// Empties a table a few thousand rows per short statement, pausing between them like the rebuild's writes,
    /// and drops it once empty: dropping a full table frees every page of it in one go, seconds for millions of rows.
    /// Its own indexes are dropped first, each in one statement (the cells' is the largest, well under a second on
    /// 4 million cells): deleting rows from them cost more than all the rest, as each chunk of rows in the table's
    /// order is scattered over the whole index.
    /// </summary>
    private async Task EmptyAndDropAsync(string table, YieldRebuildOptions options, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        if (await ScalarAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = $name", table, cancellationToken) is null)
        {
            return;
        }

        foreach (var index in await IndexNamesAsync(connection, table, cancellationToken))
        {
            var dropping = Stopwatch.GetTimestamp();
            await InLineAsync($"DROP INDEX {Quote(index)}", cancellationToken);
            await HeldAsync(Stopwatch.GetElapsedTime(dropping), options, cancellationToken);
        }

        var rows = Math.Max(100, options.FirstTransactionRows);
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var deleted = await InLineAsync($"DELETE FROM {Quote(table)} WHERE rowid IN (SELECT rowid FROM {Quote(table)} LIMIT {rows})", cancellationToken);

            if (deleted < rows)
            {
                break;
            }

            var held = Stopwatch.GetElapsedTime(started);
            var ratio = Math.Clamp(options.LockHold.TotalMilliseconds / Math.Max(held.TotalMilliseconds, 1), 0.5, 2.0);
            rows = (int)Math.Clamp(rows * ratio, 100, 200_000);

            // This connection does not copy the log in its commits (CreateAsync): copied here, without the lock, it is
            // not left for another writer's commit to copy while that writer holds the lock.
            await CheckpointAsync(cancellationToken);
            await HeldAsync(held, options, cancellationToken);
        }

        await InLineAsync($"DROP TABLE {Quote(table)}", cancellationToken);
    }

    /// <summary>
    /// One statement in a transaction of its own, so that it takes its turn at the write lock in line with the Api's
    /// writers (<c>SqliteWriterQueue</c> orders transactions); a bare statement would meet them in SQLite's busy handler.
    /// </summary>
    [SuppressMessage("Security", "EF1002:Risk of vulnerability to SQL injection", Justification = "Names come from the fixed table list and sqlite_master; no values.")]
    private async Task<int> InLineAsync(string sql, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var affected = await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return affected;
    }

    public static string Retired(string table) => table + "__old";

    /// <summary>
    /// Notes a statement's hold of the write lock and, once the statements since the last pause held it for
    /// <see cref="YieldRebuildOptions.HoldBeforePause"/>, lets go for <see cref="YieldRebuildOptions.PauseBetweenTransactions"/>
    /// like the aside writer: writers in this process get their turn between any two statements (the writer queue),
    /// other processes' writers in the pause. Pausing after every statement made the clean-up a third longer.
    /// </summary>
    private async Task HeldAsync(TimeSpan held, YieldRebuildOptions options, CancellationToken cancellationToken)
    {
        LongestCleanupHold = held > LongestCleanupHold ? held : LongestCleanupHold;
        heldSincePause += held;
        if (heldSincePause >= options.HoldBeforePause)
        {
            heldSincePause = TimeSpan.Zero;
            await Task.Delay(options.PauseBetweenTransactions, cancellationToken);
        }
    }

    /// <summary>The table's explicitly created indexes (not the one SQLite keeps for its primary key).</summary>
    private static async Task<List<string>> IndexNamesAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using var command = Command(connection, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = $name AND sql IS NOT NULL", table);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The model's index name for an index created aside, or the aside name for a model-named one.</summary>
    public static string AlternateName(string indexName)
        => indexName.EndsWith(Suffix, StringComparison.Ordinal) ? indexName[..^Suffix.Length] : indexName + Suffix;

    private static string Quote(string name) => $"\"{name}\"";

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? throw new InvalidOperationException($"Expected {find} in: {text}") : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db.Database.GetDbConnection();
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Names come from the fixed table list and sqlite_master.")]
    private static DbCommand Command(DbConnection connection, string sql, string? name = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (name is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$name";
            parameter.Value = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql, string? name, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, name);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
