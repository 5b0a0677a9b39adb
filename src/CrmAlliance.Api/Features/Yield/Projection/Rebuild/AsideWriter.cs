using System.Diagnostics;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Data.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// Writes rows into the aside tables in short transactions: each holds SQLite's write lock for about
/// <see cref="YieldRebuildOptions.LockHold"/>, and after <see cref="YieldRebuildOptions.HoldBeforePause"/> of them
/// the writer pauses, so other writers wait well under a second (see <see cref="YieldRebuildOptions"/>).
/// Each transaction also reports progress (and so renews the lease).
/// </summary>
public sealed class AsideWriter(CrmDbContext db, YieldRebuildLease lease, YieldRebuildOptions options, RebuildPhases phases)
{
    private readonly Dictionary<Type, List<object>> pending = [];
    private int pendingRows;
    private int rowsPerTransaction = Math.Max(1, options.FirstTransactionRows);
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
            pending[typeof(T)] = rows = [];
        }

        rows.Add(row);
        if (++pendingRows >= rowsPerTransaction)
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

    /// <summary>Writes what waits in one transaction (also when nothing waits: progress is reported).</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        using (phases.Measure("write aside"))
        {
            var started = Stopwatch.GetTimestamp();
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var (type, rows) in pending.Where(p => p.Value.Count > 0))
                {
                    using var table = AsideTable(type, transaction.GetDbTransaction());
                    foreach (var row in rows)
                    {
                        await table.AddAsync(row, cancellationToken);
                    }

                    await table.FlushAsync(cancellationToken);
                    rows.Clear();
                }

                await lease.ReportAsync(Phase, Done, Total, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            var held = Stopwatch.GetElapsedTime(started);
            LongestHold = held > LongestHold ? held : LongestHold;
            if (pendingRows > 0 && held > TimeSpan.Zero)
            {
                // Size the next transaction to hold the lock about as long as wanted (within a factor of 2 per step).
                var ratio = Math.Clamp(options.LockHold / held, 0.5, 2.0);
                rowsPerTransaction = (int)Math.Clamp(pendingRows * ratio, 100, 200_000);
            }

            pendingRows = 0;
            heldSincePause += held;
        }

        if (heldSincePause >= options.HoldBeforePause)
        {
            heldSincePause = TimeSpan.Zero;
            using (phases.Measure("pause for other processes' writers"))
            {
                await Task.Delay(options.PauseBetweenTransactions, cancellationToken);
            }
        }
    }

    private BulkTable AsideTable(Type type, System.Data.Common.DbTransaction transaction)
    {
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var (table, _, columns) = BulkColumns.For(entityType);
        var sql = db.GetService<ISqlGenerationHelper>();
        return new BulkTable(
            table,
            db.Database.GetDbConnection(),
            transaction,
            sql.DelimitIdentifier(YieldShadowTables.Aside(table)),
            columns.Select(c => sql.DelimitIdentifier(c.Name)).ToList(),
            columns,
            int.MaxValue,
            1);
    }
}
