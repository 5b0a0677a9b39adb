using System.Diagnostics;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Data.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// Writes rows into the aside tables in short transactions: each holds SQLite's write lock for about
/// <see cref="YieldRebuildOptions.LockHold"/>, and after <see cref="YieldRebuildOptions.HoldBeforePause"/> of them
/// the writer pauses, so other writers wait well under a second (see <see cref="YieldRebuildOptions"/>).
/// Each transaction also reports progress (and so renews the lease). On PostgreSQL the same transactions stream their
/// rows with <c>COPY</c> (<see cref="PostgresCopyRows"/>) and never pause: they keep no other writer waiting.
/// </summary>
public sealed class AsideWriter(CrmDbContext db, IYieldAsideTables shadow, YieldRebuildLease lease, YieldRebuildOptions options, RebuildPhases phases)
{
    /// <summary>Rows gathered before they are written (in as many transactions as their lock budget needs).</summary>
    public const int RowsPerRound = 20_000;

    // Per table, in the order first added; the rows of one table are written in the order added.
    private readonly Dictionary<Type, Queue<object>> pending = [];
    private int pendingRows;
    private TimeSpan heldSincePause;

    public YieldRebuildPhase Phase { get; set; } = YieldRebuildPhase.Companies;

    public long Done { get; set; }

    public long Total { get; set; }

    /// <summary>The longest a transaction held the write lock.</summary>
    public TimeSpan LongestHold { get; private set; }

    public async Task AddAsync<T>(T row, CancellationToken cancellationToken)
        where T : class
    {
        if (!pending.TryGetValue(typeof(T), out var rows))
        {
            pending[typeof(T)] = rows = new Queue<object>();
        }

        rows.Enqueue(row);
        if (++pendingRows >= RowsPerRound)
        {
            await WriteAsync(cancellationToken);
        }
    }

    public async Task AddRangeAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        foreach (var row in rows)
        {
            await AddAsync(row, cancellationToken);
        }
    }

    /// <summary>
    /// Writes what waits, in transactions that each stop taking rows once they have held the lock for
    /// <see cref="YieldRebuildOptions.LockHold"/> (checked every <see cref="BulkTable.BatchRows"/> rows, so a slow
    /// moment of the machine does not stretch one). At least one transaction: progress is reported in each.
    /// </summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        do
        {
            await WriteOneTransactionAsync(cancellationToken);

            // After every transaction: copying less often left a long log for the next commit, which then held the
            // lock while it copied (a writer waited 2.4 s where it waits at most 0.46 s so; issue 13's rebuild under load).
            using (phases.Measure("copy the log into the database (no lock held)"))
            {
                await shadow.CheckpointAsync(cancellationToken);
            }

            if (shadow.WritesBlockOtherWriters && heldSincePause >= options.HoldBeforePause)
            {
                heldSincePause = TimeSpan.Zero;
                using (phases.Measure("pause for other processes' writers"))
                {
                    await Task.Delay(options.PauseBetweenTransactions, cancellationToken);
                }
            }
        }
        while (pendingRows > 0);
    }

    private async Task WriteOneTransactionAsync(CancellationToken cancellationToken)
    {
        using var writing = phases.Measure("write aside");
        var started = Stopwatch.GetTimestamp();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var (type, rows) in pending.Where(p => p.Value.Count > 0))
            {
                using var table = await AsideTableAsync(type, transaction.GetDbTransaction(), cancellationToken);
                var written = 0;
                while (rows.TryDequeue(out var row))
                {
                    await table.AddAsync(row, cancellationToken);
                    if (++written % BulkTable.BatchRows == 0 && Stopwatch.GetElapsedTime(started) >= options.LockHold)
                    {
                        break;
                    }
                }

                await table.FlushAsync(cancellationToken);
                pendingRows -= written;
                if (Stopwatch.GetElapsedTime(started) >= options.LockHold)
                {
                    break;
                }
            }

            await lease.ReportAsync(Phase, Done, Total, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var held = Stopwatch.GetElapsedTime(started);
        LongestHold = held > LongestHold ? held : LongestHold;
        heldSincePause += held;
    }

    private async Task<IAsideRows> AsideTableAsync(Type type, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var (table, _, columns) = BulkColumns.For(entityType);
        var sql = db.GetService<ISqlGenerationHelper>();
        var tableSql = sql.DelimitIdentifier(YieldShadowTables.Aside(table));
        var quotedColumns = columns.Select(c => sql.DelimitIdentifier(c.Name)).ToList();
        if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
        {
            return await PostgresCopyRows.StartAsync(postgres, tableSql, quotedColumns, columns, cancellationToken);
        }

        var limits = BulkWriter.LimitsFor(db.Database);
        return new BulkRows(new BulkTable(table, db.Database.GetDbConnection(), transaction, tableSql, quotedColumns, columns, limits.MaxParameters, limits.MaxStatementRows, limits.UnboundedSize));
    }

    /// <summary>SQLite's path: the bulk writer's statements, through SQLite's own statement API where it can.</summary>
    private sealed class BulkRows(BulkTable table) : IAsideRows
    {
        public ValueTask AddAsync(object row, CancellationToken cancellationToken) => table.AddAsync(row, cancellationToken);

        public Task FlushAsync(CancellationToken cancellationToken) => table.FlushAsync(cancellationToken);

        public void Dispose() => table.Dispose();
    }
}
