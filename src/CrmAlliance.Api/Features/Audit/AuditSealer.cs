using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Audit;

/// <summary>
/// Seals written entries into the hash chain, oldest first, in short transactions of its own.
/// Why not hash in the writing transaction: that needs the chain's head, and two transactions committing at once would
/// both read the same head and fork the chain, unless every audited write took one lock for the whole chain (on SQL
/// Server a serialising lock across every request, replicas included). Instead writers only append (no shared row),
/// and one sealer at a time links entries in the order it finds them committed. An entry committed late (a lower
/// <see cref="AuditEntry.Sequence"/> than one already sealed) simply gets a later chain position. Two sealers (two
/// replicas) cannot fork it either: <see cref="AuditEntry.ChainPosition"/> is unique, so the second one's save fails
/// and it tries again on the new head. The price: an entry is tamper-evident only once sealed, about a second after
/// its commit; until then the triggers still refuse any change to it but the sealing itself.
/// </summary>
public sealed class AuditSealer(CrmDbContext db)
{
    private const int BatchSize = 500;

    /// <summary>Seals one batch; returns how many entries it sealed (0 when none waited).</summary>
    public async Task<int> SealBatchAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var head = await db.AuditEntries.AsNoTracking().Where(e => e.ChainPosition != null).OrderByDescending(e => e.ChainPosition)
            .Select(e => new { e.ChainPosition, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var waiting = await db.AuditEntries.Where(e => e.ChainPosition == null).OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
        var position = head?.ChainPosition ?? 0;
        var previous = head?.Hash ?? new byte[32];
        foreach (var entry in waiting)
        {
            position++;
            entry.ChainPosition = position;
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.HashOf(entry, position, previous);
            previous = entry.Hash;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return waiting.Count;
    }

    /// <summary>Seals until nothing waits (tests, verify-audit, the benchmark).</summary>
    public async Task<int> SealAllAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int sealedNow;
        do
        {
            sealedNow = await SealBatchAsync(cancellationToken);
            total += sealedNow;
        }
        while (sealedNow > 0);
        return total;
    }
}

/// <summary>Runs the <see cref="AuditSealer"/> every <see cref="AuditOptions.SealInterval"/>.</summary>
public sealed partial class AuditSealerService(IServiceScopeFactory scopes, IOptions<AuditOptions> options, ILogger<AuditSealerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SealInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbUpdateException ex)
            {
                // Another replica sealed the same positions first; the next tick goes on from its head.
                LogSealRace(logger, ex.GetBaseException().Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit sealing deferred: {Reason}")]
    private static partial void LogSealRace(ILogger logger, string reason);
}
