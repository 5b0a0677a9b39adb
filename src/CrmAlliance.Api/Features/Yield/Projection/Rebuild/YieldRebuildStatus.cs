using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>The rebuild under way, for the bus page and <c>backgroundWork</c>: its phase and progress as its lease row says.</summary>
public sealed class YieldRebuildStatus(CrmDbContext db) : IBackgroundWorkStatus
{
    public const string Kind = "YieldRebuild";

    public async Task<BackgroundWorkView?> CurrentAsync(CancellationToken cancellationToken)
        => await db.YieldRebuildRuns.AsNoTracking()
            .Select(r => new BackgroundWorkView(Kind, r.Phase, r.Done, r.Total, r.StartedAt, r.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
}
