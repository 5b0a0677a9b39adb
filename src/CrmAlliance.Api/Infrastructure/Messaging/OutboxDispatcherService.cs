using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// Runs <see cref="OutboxDispatcher"/> rounds on one <see cref="OutboxPipeline"/>: at once after a signalled commit
/// or when a run finishes, else every poll interval; back to back while rows keep coming. Deletes old sent rows and
/// inbox entries hourly. When the host stops, records what was published before it stopped.
/// </summary>
public sealed class OutboxDispatcherService(IServiceScopeFactory scopes, OutboxSignal signal, IEventPublisher publisher, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    /// <summary>Rounds start at most this often, so finishing runs are recorded together rather than one write each.</summary>
    private static readonly TimeSpan MinimumRoundInterval = TimeSpan.FromMilliseconds(50);

    private readonly OutboxPipeline pipeline = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextCleanup = clock.GetUtcNow();
        if (publisher.AwaitsConsumers)
        {
            await ReleaseClaimsOfAStoppedProcessAsync(stoppingToken);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var roundStarted = clock.GetTimestamp();
                var busy = false;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var round = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(pipeline, stoppingToken);
                    busy = round.Started > 0 && round.Read == settings.BatchSize && pipeline.Running < settings.BatchSize;
                    if (clock.GetUtcNow() >= nextCleanup)
                    {
                        await DeleteExpiredAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), settings.Retention, stoppingToken);
                        nextCleanup = clock.GetUtcNow() + CleanupInterval;
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // The database was unavailable or busy: nothing was marked sent, so the next round retries.
                    logger.LogWarning(ex, "An outbox dispatch round failed; retrying.");
                }

                if (!busy)
                {
                    // A cancelled wait ends the loop through the while condition.
                    await signal.WaitAsync(settings.PollInterval, pipeline.AnyFinished, stoppingToken);
                }

                var sinceStart = clock.GetElapsedTime(roundStarted);
                if (sinceStart < MinimumRoundInterval)
                {
                    await Task.Delay(MinimumRoundInterval - sinceStart, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
        finally
        {
            await RecordWhatWasPublishedAsync();
        }
    }

    private async Task RecordWhatWasPublishedAsync()
    {
        try
        {
            var runs = await pipeline.DrainAsync();
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RecordAsync([.. runs.Select(r => r.Run)], CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Unrecorded rows are published again (consumers are idempotent): after the claim lease, or at once on the next start in memory.
            logger.LogWarning(ex, "Could not record the outbox rows published before stopping; they will be published again.");
        }
    }

    /// <summary>
    /// The in-memory bus means one Api process: claims in the database are left by this process's previous run
    /// (killed while its consumers were working), so its rows are published again now rather than after the lease.
    /// </summary>
    private async Task ReleaseClaimsOfAStoppedProcessAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var released = await db.OutboxMessages.Where(m => m.SentAt == null && m.ClaimedBy != null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
            if (released > 0)
            {
                logger.LogInformation("Publishing again {Count} events whose consumers had not finished when the Api last stopped.", released);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not release the outbox claims of the last run; they expire with their lease.");
        }
    }

    private async Task DeleteExpiredAsync(CrmDbContext db, TimeSpan retention, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - retention;
        var sent = await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.InboxMessages.Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (sent + inbox > 0)
        {
            logger.LogInformation("Deleted {Sent} sent outbox rows and {Inbox} inbox entries older than {Cutoff:u}.", sent, inbox, cutoff);
        }
    }
}
