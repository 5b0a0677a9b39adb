using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Companies;

public sealed record SaveCompanyContactInput(Guid CompanyId, Guid? Id, string Name, string? JobTitle, string? Email, string? Phone, bool IsEmployeeRepresentative);

/// <summary>Consultants, and a company's own users, keep the company's contact persons.</summary>
public sealed class SaveCompanyContactHandler(CrmDbContext db)
{
    public async Task<CompanyContactView> HandleAsync(SaveCompanyContactInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant, Role.Company);
        actor.RequireCompanyAccess(input.CompanyId);
        if (!await db.Companies.AnyAsync(c => c.Id == input.CompanyId, cancellationToken))
        {
            throw new NotFoundException("Company", input.CompanyId, "input.companyId");
        }

        new Validator().CheckContact(input.Name, input.Email, input.Phone).OptionalText(input.JobTitle, "jobTitle", 200).ThrowIfInvalid();

        CompanyContact contact;
        if (input.Id is { } id)
        {
            contact = await db.CompanyContacts.SingleOrDefaultAsync(c => c.Id == id && c.CompanyId == input.CompanyId, cancellationToken)
                ?? throw new NotFoundException("ContactPerson", id, "input.id");
        }
        else
        {
            contact = new CompanyContact { CompanyId = input.CompanyId, Name = "" };
            db.CompanyContacts.Add(contact);
        }

        contact.Name = input.Name.Trim();
        contact.JobTitle = input.JobTitle?.Trim();
        contact.Email = input.Email?.Trim();
        contact.Phone = input.Phone?.Trim();
        contact.IsEmployeeRepresentative = input.IsEmployeeRepresentative;
        await db.SaveOrConflictAsync(RefusalText.Of("Companies.ContactNotSaved"), cancellationToken);
        return contact.ToView();
    }
}

/// <summary>Removes a contact person who has left the company.</summary>
public sealed class RemoveCompanyContactHandler(CrmDbContext db)
{
    public async Task<Guid> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant, Role.Company);
        var contact = await db.CompanyContacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("ContactPerson", id, "id");
        actor.RequireCompanyAccess(contact.CompanyId);
        db.CompanyContacts.Remove(contact);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
