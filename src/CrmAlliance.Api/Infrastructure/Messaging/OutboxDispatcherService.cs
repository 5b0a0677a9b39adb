using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// Runs <see cref="OutboxDispatcher"/> rounds: at once after a signalled commit, else every poll
/// interval; back to back while rows keep coming. Deletes old sent rows and inbox entries hourly.
/// </summary>
public sealed class OutboxDispatcherService(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextCleanup = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var round = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(stoppingToken);
                busy = round.Sent > 0 && round.Read == settings.BatchSize;
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
                await ((Task)signal.WaitAsync(settings.PollInterval, stoppingToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
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
