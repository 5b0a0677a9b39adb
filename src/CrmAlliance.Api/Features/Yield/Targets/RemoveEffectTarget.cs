using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Targets;

/// <summary>Management removes an effect target (Managers and Admins).</summary>
public sealed class RemoveEffectTargetHandler(CrmDbContext db)
{
    public async Task<Guid> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Manager, Role.Admin);
        var target = await db.EffectTargets.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException("EffectTarget", id, "id");
        db.EffectTargets.Remove(target);
        await db.SaveOrConflictAsync(RefusalText.Of("Yield.TargetNotRemoved"), cancellationToken);
        return id;
    }
}
