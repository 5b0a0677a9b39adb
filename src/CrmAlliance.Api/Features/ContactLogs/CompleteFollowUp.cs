using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.ContactLogs;

/// <summary>
/// A consultant marks a contact's follow-up done. Any consultant may, since colleagues cover for
/// each other; the log keeps who made the contact.
/// </summary>
public sealed class CompleteFollowUpHandler(CrmDbContext db)
{
    /// <summary>Consultants complete follow-ups; managers and admins only watch them.</summary>
    private static readonly Role[] Completers = [Role.Consultant];

    /// <summary>Whether the handler would let this actor complete a follow-up: pages ask before offering the action.</summary>
    public static bool MayComplete(Actor actor) => Completers.Contains(actor.Role);

    public async Task<ContactLogView> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Completers);
        var log = await db.ContactLogs.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("ContactLog", id, "id");
        if (log.FollowUpOn is null)
        {
            // The caller picked the wrong contact: nothing about it can change, so it is bad input.
            throw new ValidationException("id", RefusalText.Of("ContactLogs.NoFollowUp"));
        }

        if (log.FollowUpDone)
        {
            // Someone (perhaps a colleague) already did it: the record moved on since it was read.
            throw new ConflictException(RefusalText.Of("ContactLogs.FollowUpDone", ("date", log.FollowUpOn)), "id");

        }

        log.FollowUpDone = true;
        await db.SaveOrConflictAsync(RefusalText.Of("ContactLogs.FollowUpNotCompleted"), cancellationToken);
        return log.ToView();
    }
}
