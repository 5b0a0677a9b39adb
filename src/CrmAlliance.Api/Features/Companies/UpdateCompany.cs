using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Companies;

public sealed record UpdateCompanyInput(
    Guid Id,
    int Version,
    string Name,
    string IndustryCode,
    string Address,
    string Postcode,
    Sector Sector,
    MembershipStatus MembershipStatus,
    DateOnly? JoinedOn,
    string? ResponsibleConsultantId);

/// <summary>A consultant changes a company's record or membership; the CVR number never changes.</summary>
public sealed class UpdateCompanyHandler(CrmDbContext db, ReferenceCatalog catalog, IConsultantDirectory consultants)
{
    /// <summary>Who may change a company's record: pages ask this before offering the form.</summary>
    public static void RequireEditor(Actor actor) => actor.Require(Role.Consultant);

    public async Task<CompanyView> HandleAsync(UpdateCompanyInput input, Actor actor, CancellationToken cancellationToken)
    {
        RequireEditor(actor);
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == input.Id, cancellationToken)
            ?? throw new NotFoundException("Company", input.Id, "input.id");
        var v = new Validator()
            .CheckCompany(catalog, company.Cvr, input.Name, input.IndustryCode, input.Address, input.Postcode)
            .Check(input.MembershipStatus == MembershipStatus.Prospect || input.JoinedOn is not null, "joinedOn", RefusalText.Of("Companies.JoinedOnRequired"));

        await consultants.CheckAsync(v, input.ResponsibleConsultantId, "responsibleConsultantId", cancellationToken);
        v.ThrowIfInvalid();
        SaveChangesExtensions.CheckVersion(company.Version, input.Version);

        company.Name = input.Name.Trim();
        company.IndustryCode = input.IndustryCode;
        company.Address = input.Address.Trim();
        company.Postcode = input.Postcode;
        company.Sector = input.Sector;
        company.MembershipStatus = input.MembershipStatus;
        company.JoinedOn = input.JoinedOn;
        company.ResponsibleConsultantId = input.ResponsibleConsultantId;
        company.Version++;
        // This save also stages CompanyChanged in the outbox, in the same transaction: Yield's SourceChangeEvents
        // interceptor does it for every write path, so the yield read model cannot miss one.
        await db.SaveOrConflictAsync(RefusalText.Of("Companies.NotSaved"), cancellationToken);
        return company.ToView();
    }
}
