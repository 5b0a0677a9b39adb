using CrmAlliance.Api.Features.Yield.Projection.Rebuild;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>
/// Prepares the read model before requests are served: built when missing (a new or upgraded database: there is
/// nothing to serve yet), and brought up to yesterday's days otherwise. When the definitions changed, the old
/// model goes on serving and <see cref="YieldRebuildService"/> rebuilds aside in the background and swaps.
/// </summary>
public sealed class YieldStartup(CrmDbContext db, YieldRebuild rebuild, YieldProjector projector, YieldOptions options, TimeProvider clock, ILogger<YieldStartup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var state = await db.YieldState.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            logger.LogInformation("Building the yield read model (none yet).");
            // A large alliance takes a while: say how far it has come, every few seconds, where operators look.
            await using var progress = new LineLogWriter(line => logger.LogInformation("Building the yield read model: {Progress}", line));
            try
            {
                var result = await rebuild.RunAsync(null, progress, cancellationToken);
                logger.LogInformation("Yield read model built: {Companies} companies, {Placements} placements, {Cells} cells.", result.Companies, result.Placements, result.Cells);
            }
            catch (YieldRebuildBusyException busy)
            {
                // Another replica builds it; this one serves "not built yet" until that one swaps it in.
                logger.LogInformation("{Message}", busy.Message);
            }

            return;
        }

        if (state.ProjectionFingerprint != options.ProjectionFingerprint)
        {
            logger.LogInformation(
                "The yield definitions changed from {Old} to {New}: the old read model serves while the new one is built in the background.",
                state.ProjectionFingerprint,
                options.ProjectionFingerprint);
        }

        await projector.AdvanceDaysAsync(YieldClockDay.BookThrough(clock), cancellationToken);
    }
}
