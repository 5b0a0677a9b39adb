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
    public async Task<ContactLogView> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        var log = await db.ContactLogs.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Contact log", id, "id");
        if (log.FollowUpOn is null)
        {
            // The caller picked the wrong contact: nothing about it can change, so it is bad input.
            throw new ValidationException("id", "This contact has no follow-up to complete.");
        }

        if (log.FollowUpDone)
        {
            // Someone (perhaps a colleague) already did it: the record moved on since it was read.
            throw new ConflictException($"The follow-up due {log.FollowUpOn:yyyy-MM-dd} is already done.", "id");
        }

        log.FollowUpDone = true;
        await db.SaveOrConflictAsync("The follow-up could not be completed.", cancellationToken);
        return log.ToView();
    }
}
