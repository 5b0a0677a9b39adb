using System.Diagnostics.CodeAnalysis;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// The read model's tables built aside on PostgreSQL: <c>YieldCells__next</c> and so on, created <c>LIKE</c> the live
/// tables with their defaults, constraints and indexes (so a migration's change reaches them without code here), and
/// swapped in one short transaction: the live table is dropped (PostgreSQL frees its files at commit, whatever the
/// size), the aside one renamed, and its indexes given the live ones' names, which migrations refer to. Writers of
/// other tables never wait for the rebuild; the projection's writers to the read model wait only for the swap.
/// </summary>
public sealed class PostgresAsideTables(CrmDbContext db) : IYieldAsideTables
{
    /// <summary>No: PostgreSQL locks rows, and nobody else writes the aside tables.</summary>
    public bool WritesBlockOtherWriters => false;

    /// <inheritdoc/>
    public TimeSpan LongestCleanupHold => TimeSpan.Zero;

    /// <inheritdoc/>
    public async Task CreateAsync(YieldRebuildOptions options, CancellationToken cancellationToken)
    {
        await DropAsync(options, cancellationToken);
        await DurableCommitsAsync(false, cancellationToken);
        foreach (var table in YieldShadowTables.Tables)
        {
            await ExecuteAsync($"CREATE TABLE {Quote(YieldShadowTables.Aside(table))} (LIKE {Quote(table)} INCLUDING ALL)", cancellationToken);
        }
    }

    /// <inheritdoc/>
    public async Task DropAsync(YieldRebuildOptions options, CancellationToken cancellationToken)
    {
        foreach (var table in YieldShadowTables.Tables)
        {
            await ExecuteAsync($"DROP TABLE IF EXISTS {Quote(YieldShadowTables.Aside(table))}", cancellationToken);
        }
    }

    /// <inheritdoc/>
    public async Task DurableCommitsAsync(bool durable, CancellationToken cancellationToken)
    {
        // A session setting: the connection stays open for the rebuild (a pooled one is reset when it goes back).
        await db.Database.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(durable ? "SET synchronous_commit TO DEFAULT" : "SET synchronous_commit TO OFF", cancellationToken);
    }

    /// <inheritdoc/>
    public Task CheckpointAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task ResetConnectionAsync(CancellationToken cancellationToken) => ExecuteAsync("SET synchronous_commit TO DEFAULT", cancellationToken);

    /// <inheritdoc/>
    public async Task SwapInAsync(YieldRebuildOptions options, CancellationToken cancellationToken)
    {
        // Waiting for a long query's lock would queue every later query of that table behind the swap: give up soon, try again.
        await ExecuteAsync($"SET LOCAL lock_timeout = {(int)options.SwapLockTimeout.TotalMilliseconds}", cancellationToken);
        foreach (var table in YieldShadowTables.Tables)
        {
            var live = await IndexesAsync(table, cancellationToken);
            await ExecuteAsync($"DROP TABLE {Quote(table)}", cancellationToken);
            await ExecuteAsync($"ALTER TABLE {Quote(YieldShadowTables.Aside(table))} RENAME TO {Quote(table)}", cancellationToken);
            foreach (var (name, shape) in await IndexesAsync(table, cancellationToken))
            {
                var model = live.SingleOrDefault(l => l.Shape == shape).Name
                    ?? throw new InvalidOperationException($"The aside index {name} of {table} has no live counterpart ({shape}).");
                if (model != name)
                {
                    // Renaming a constraint's index renames the constraint too (the primary key's name).
                    await ExecuteAsync($"ALTER INDEX {Quote(name)} RENAME TO {Quote(model)}", cancellationToken);
                }
            }
        }
    }

    /// <inheritdoc/>
    public bool IsLockConflict(Exception exception)
        => exception is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected }
            || (exception.InnerException is { } inner && IsLockConflict(inner));

    /// <summary>Nothing to do: the swap dropped the old tables in its own transaction.</summary>
    public Task DropRetiredAsync(YieldRebuildOptions options, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A table's indexes: name, and what makes one (unique or not, method, columns) without its names.</summary>
    private async Task<List<(string Name, string Shape)>> IndexesAsync(string table, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            SELECT i.relname, ix.indisunique, substring(pg_get_indexdef(ix.indexrelid) FROM ' USING .*$')
            FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
            WHERE t.relname = @table AND t.relnamespace = current_schema()::regnamespace
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var indexes = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            indexes.Add((reader.GetString(0), $"{(reader.GetBoolean(1) ? "UNIQUE" : string.Empty)}{reader.GetString(2)}"));
        }

        return indexes;
    }

    [SuppressMessage("Security", "EF1002:Risk of vulnerability to SQL injection", Justification = "Names come from the fixed table list and the catalog; no values.")]
    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken) => await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);

    private static string Quote(string name) => $"\"{name}\"";
}
