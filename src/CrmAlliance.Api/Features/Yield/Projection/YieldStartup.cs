using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>
/// Makes the read model current before requests are served: built when missing (a new or upgraded database),
/// rebuilt when the definitions it was computed with changed, and brought up to yesterday's days otherwise.
/// </summary>
public sealed class YieldStartup(CrmDbContext db, YieldRebuild rebuild, YieldProjector projector, YieldOptions options, TimeProvider clock, ILogger<YieldStartup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var state = await db.YieldState.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (state is null || state.ProjectionFingerprint != options.ProjectionFingerprint)
        {
            logger.LogInformation(
                "Building the yield read model ({Reason}).",
                state is null ? "none yet" : $"definitions changed from {state.ProjectionFingerprint} to {options.ProjectionFingerprint}");
            // A large alliance takes minutes: say how far it has come, every few seconds, where operators look.
            await using var progress = new LineLogWriter(line => logger.LogInformation("Building the yield read model: {Progress}", line));
            var result = await rebuild.RunAsync(null, progress, cancellationToken);
            logger.LogInformation("Yield read model built: {Companies} companies, {Placements} placements, {Cells} cells.", result.Companies, result.Placements, result.Cells);
            return;
        }

        await projector.AdvanceDaysAsync(YieldClockDay.BookThrough(clock), cancellationToken);
    }
}
