using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// The rebuild's row in <c>YieldRebuildRuns</c>: a lease, so that one replica (or one <c>rebuild-yield</c>) rebuilds
/// at a time, renewed with every progress report; a holder that crashed loses it after <see cref="Duration"/>.
/// </summary>
public sealed class YieldRebuildLease(CrmDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);

    /// <summary>This process: a lease it holds is its own whichever scope asks.</summary>
    public static readonly string Holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Takes the lease unless another holder's is still valid; returns the holder that has it otherwise.</summary>
    public async Task<string?> TryAcquireAsync(string fingerprint, DateOnly bookThrough, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var run = await db.YieldRebuildRuns.SingleOrDefaultAsync(cancellationToken);
        if (run is not null && run.LeaseHolder != Holder && run.LeaseExpiresAt > now)
        {
            return run.LeaseHolder;
        }

        if (run is null)
        {
            run = new YieldRebuildRun { ProjectionFingerprint = fingerprint, LeaseHolder = Holder, Phase = nameof(YieldRebuildPhase.Preparing) };
            db.YieldRebuildRuns.Add(run);
        }
        else
        {
            run.Version++;
        }

        // A crashed holder's run is taken over and restarted: the aside tables are created afresh, and its backlog
        // is kept (replaying a refresh again changes nothing).
        run.ProjectionFingerprint = fingerprint;
        run.BookThrough = bookThrough;
        run.LeaseHolder = Holder;
        run.LeaseExpiresAt = now + Duration;
        run.StartedAt = now;
        run.UpdatedAt = now;
        run.Phase = nameof(YieldRebuildPhase.Preparing);
        run.Done = 0;
        run.Total = 0;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica took it between our read and our save.
            db.ChangeTracker.Clear();
            return (await db.YieldRebuildRuns.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.LeaseHolder ?? "another replica";
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return null;
    }

    /// <summary>Reports progress and renews the lease; throws when another holder has taken it (this one stalled past its lease).</summary>
    public async Task ReportAsync(YieldRebuildPhase phase, long done, long total, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var phaseName = phase.ToString();
        var updated = await db.YieldRebuildRuns
            .Where(r => r.LeaseHolder == Holder)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Phase, phaseName).SetProperty(r => r.Done, done).SetProperty(r => r.Total, total).SetProperty(r => r.UpdatedAt, now).SetProperty(r => r.LeaseExpiresAt, now + Duration), cancellationToken);
        if (updated == 0)
        {
            throw new InvalidOperationException("The yield rebuild lost its lease to another holder; the other one goes on.");
        }
    }

    /// <summary>Gives the lease up after a failed or cancelled rebuild: the projection stops keeping a backlog.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.YieldRebuildRuns.Where(r => r.LeaseHolder == Holder).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await db.YieldRebuildBacklog.ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
