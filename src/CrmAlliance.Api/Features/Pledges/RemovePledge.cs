using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Pledges;

/// <summary>
/// A consultant or manager removes a pledge recorded in error. With the <c>version</c> they read, a pledge changed since
/// is not removed (CONFLICT); either way a change committed between this read and the delete is: the version is the
/// row's concurrency token.
/// </summary>
public sealed class RemovePledgeHandler(CrmDbContext db)
{
    /// <summary>Who may remove a pledge: pages ask this before offering the button.</summary>
    public static void RequireRemover(Actor actor) => actor.Require(Role.Consultant, Role.Manager);

    public async Task<Guid> HandleAsync(Guid id, int? version, Actor actor, CancellationToken cancellationToken)
    {
        RequireRemover(actor);
        var pledge = await db.Pledges.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Pledge", id, "id");
        if (version is { } expected && pledge.Version != expected)
        {
            throw new ConflictException(RefusalText.Of("Core.StaleVersion", ("current", pledge.Version), ("sent", expected)), "version");

        }

        db.Pledges.Remove(pledge);
        // This save also stages PledgeChanged in the outbox, in the same transaction: Yield's SourceChangeEvents
        // interceptor does it for every write path, so the yield read model cannot miss one.
        await db.SaveOrConflictAsync(RefusalText.Of("Pledges.NotRemoved"), cancellationToken);
        return id;
    }
}
