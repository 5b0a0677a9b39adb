using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Pledges;

/// <summary>A consultant or manager removes a pledge recorded in error.</summary>
public sealed class RemovePledgeHandler(CrmDbContext db)
{
    public async Task<Guid> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant, Role.Manager);
        var pledge = await db.Pledges.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Pledge", id, "id");
        db.Pledges.Remove(pledge);
        // This save also stages PledgeChanged in the outbox, in the same transaction: Yield's SourceChangeEvents
        // interceptor does it for every write path, so the yield read model cannot miss one.
        await db.SaveOrConflictAsync("The pledge could not be removed.", cancellationToken);
        return id;
    }
}
