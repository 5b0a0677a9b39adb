using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// Rebuilds the read model in the background when its definitions changed (a deploy with new weights or groups),
/// while the old one serves: at start and every <see cref="YieldRebuildOptions.CheckInterval"/>, so that a rebuild
/// whose replica crashed is restarted by another once its lease has run out. The lease lets one replica rebuild.
/// </summary>
public sealed class YieldRebuildService(IServiceScopeFactory scopes, YieldOptions options, YieldRebuildOptions rebuildOptions, TimeProvider clock, ILogger<YieldRebuildService> logger) : BackgroundService
{
    /// <summary>Rebuilds if the stored model was built with other definitions; returns whether it did.</summary>
    public async Task<bool> RebuildIfOutdatedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var fingerprint = await db.YieldState.AsNoTracking().Select(s => s.ProjectionFingerprint).SingleOrDefaultAsync(cancellationToken);
        if (fingerprint is null || fingerprint == options.ProjectionFingerprint)
        {
            // None yet is built at start-up (YieldStartup), before anything is served.
            return false;
        }

        logger.LogInformation("Building the yield read model aside (definitions changed from {Old} to {New}).", fingerprint, options.ProjectionFingerprint);
        await using var progress = new LineLogWriter(line => logger.LogInformation("Building the yield read model: {Progress}", line));
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, progress, cancellationToken);
            logger.LogInformation("Yield read model rebuilt and swapped in: {Companies} companies, {Placements} placements, {Cells} cells.", result.Companies, result.Placements, result.Cells);
            return true;
        }
        catch (YieldRebuildBusyException busy)
        {
            logger.LogDebug("{Message}", busy.Message);
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(rebuildOptions.CheckInterval, clock);
        do
        {
            try
            {
                await RebuildIfOutdatedAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The old model keeps serving; the next check starts afresh.
                logger.LogWarning(e, "Rebuilding the yield read model failed; trying again in {Interval}.", rebuildOptions.CheckInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
