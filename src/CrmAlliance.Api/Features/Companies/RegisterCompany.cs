using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Companies;

public sealed record RegisterCompanyInput(
    string Cvr,
    string Name,
    string IndustryCode,
    string Address,
    string Postcode,
    Sector Sector,
    MembershipStatus MembershipStatus = MembershipStatus.Prospect,
    DateOnly? JoinedOn = null,
    string? ResponsibleConsultantId = null);

/// <summary>A consultant registers a company (partner or prospect) by its CVR number.</summary>
public sealed class RegisterCompanyHandler(CrmDbContext db, ReferenceCatalog catalog, IConsultantDirectory consultants, TimeProvider clock)
{
    /// <summary>Who may register a company: pages ask this before offering the form.</summary>
    public static void RequireRegistrar(Actor actor) => actor.Require(Role.Consultant);

    public async Task<CompanyView> HandleAsync(RegisterCompanyInput input, Actor actor, CancellationToken cancellationToken)
    {
        RequireRegistrar(actor);
        var v = new Validator()
            .CheckCompany(catalog, input.Cvr, input.Name, input.IndustryCode, input.Address, input.Postcode)
            .Check(input.MembershipStatus == MembershipStatus.Prospect || input.JoinedOn is not null, "joinedOn", RefusalText.Of("Companies.JoinedOnRequired"));

        await consultants.CheckAsync(v, input.ResponsibleConsultantId, "responsibleConsultantId", cancellationToken);
        v.ThrowIfInvalid();

        if (await db.Companies.AnyAsync(c => c.Cvr == input.Cvr, cancellationToken))
        {
            throw new ConflictException(RefusalText.Of("Companies.CvrTaken", ("cvr", input.Cvr)), "input.cvr");

        }

        var company = new Company
        {
            Cvr = input.Cvr,
            Name = input.Name.Trim(),
            IndustryCode = input.IndustryCode,
            Address = input.Address.Trim(),
            Postcode = input.Postcode,
            Sector = input.Sector,
            MembershipStatus = input.MembershipStatus,
            JoinedOn = input.JoinedOn,
            ResponsibleConsultantId = input.ResponsibleConsultantId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Companies.Add(company);
        // This save also stages CompanyChanged in the outbox, in the same transaction: Yield's SourceChangeEvents
        // interceptor does it for every write path, so the yield read model cannot miss one.
        await db.SaveOrConflictAsync(RefusalText.Of("Companies.CvrTaken", ("cvr", input.Cvr)), cancellationToken);
        return company.ToView();
    }
}

public static class CompanyMapping
{
    public static CompanyView ToView(this Company c) => new(
        c.Id, c.Cvr, c.Name, c.IndustryCode, c.Address, c.Postcode, c.Sector, c.MembershipStatus, c.JoinedOn, c.ResponsibleConsultantId, c.Version);

    public static WorkplaceView ToView(this Workplace w) => new(
        w.Id, w.CompanyId, w.PNumber, w.Name, w.Address, w.Postcode, w.OrdinaryEmployees, w.EmployeesReportedFor, w.AverageEmployees12Months);

    public static CompanyContactView ToView(this CompanyContact c) => new(c.Id, c.CompanyId, c.Name, c.JobTitle, c.Email, c.Phone, c.IsEmployeeRepresentative);
}
