using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Retention;

/// <summary>
/// Erases a company's contact person on their request (Admins and consultants): the row goes (name, job title, e-mail,
/// phone) and so does the copy of their name on the employee representatives' statements of the company's placements,
/// which is replaced by <see cref="CandidateEraser.ErasedText"/> (the statement itself, its date and verdict, is kept: the
/// rules require it), and the audit trail's values about them are shredded (<see cref="AuditTrail.ForgetAsync"/>).
/// One transaction. <c>removeCompanyContact</c> deletes the row too, but leaves those statements.
/// </summary>
public sealed class EraseCompanyContactHandler(CrmDbContext db, AuditTrail audit)
{
    public static void RequireEraser(Actor actor) => actor.Require(Role.Admin, Role.Consultant);

    /// <summary>Returns how many statements named the person.</summary>
    public async Task<int> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        RequireEraser(actor);
        var contact = await db.CompanyContacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("ContactPerson", id, "id");
        var name = contact.Name.Trim();
        var placements = await db.Placements.Where(p => p.CompanyId == contact.CompanyId && p.EmployeeRepStatement != null).ToListAsync(cancellationToken);
        var named = placements.Where(p => string.Equals(p.EmployeeRepStatement!.RepresentativeName.Trim(), name, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var placement in named)
        {
            placement.EmployeeRepStatement!.RepresentativeName = CandidateEraser.ErasedText;
            placement.Version++;
        }

        db.CompanyContacts.Remove(contact);

        // The audit trail keeps who changed the person's row and when; the values (name, e-mail, phone) go with their key.
        await audit.ForgetAsync(contact.Id, cancellationToken);
        await db.SaveOrConflictAsync(RefusalText.Of("Retention.ContactNotErased"), cancellationToken);
        return named.Count;
    }
}
