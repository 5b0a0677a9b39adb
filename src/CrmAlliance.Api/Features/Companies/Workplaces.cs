using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Companies;

public sealed record SaveWorkplaceInput(
    Guid CompanyId,
    Guid? Id,
    string PNumber,
    string Name,
    string Address,
    string Postcode,
    int OrdinaryEmployees,
    DateOnly EmployeesReportedFor,
    decimal AverageEmployees12Months);

/// <summary>Adds a workplace to a company, or updates one (e.g. a new monthly headcount).</summary>
public sealed class SaveWorkplaceHandler(CrmDbContext db, ReferenceCatalog catalog)
{
    /// <summary>Who may add or change a workplace: pages ask this before offering the form.</summary>
    public static void RequireEditor(Actor actor) => actor.Require(Role.Consultant);

    public Task<WorkplaceView> HandleAsync(SaveWorkplaceInput input, Actor actor, CancellationToken cancellationToken)
        => db.RetryRacesAsync(() => HandleOnceAsync(input, actor, cancellationToken));

    private async Task<WorkplaceView> HandleOnceAsync(SaveWorkplaceInput input, Actor actor, CancellationToken cancellationToken)
    {
        RequireEditor(actor);
        if (!await db.Companies.AnyAsync(c => c.Id == input.CompanyId, cancellationToken))
        {
            throw new NotFoundException("Company", input.CompanyId, "input.companyId");
        }

        new Validator()
            .CheckWorkplace(catalog, input.PNumber, input.Name, input.Address, input.Postcode, input.OrdinaryEmployees, input.AverageEmployees12Months)
            .ThrowIfInvalid();

        Workplace workplace;
        if (input.Id is { } id)
        {
            workplace = await db.Workplaces.SingleOrDefaultAsync(w => w.Id == id && w.CompanyId == input.CompanyId, cancellationToken)
                ?? throw new NotFoundException("Workplace", id, "input.id");
        }
        else
        {
            workplace = new Workplace { CompanyId = input.CompanyId, PNumber = input.PNumber, Name = "", Address = "", Postcode = "" };
            db.Workplaces.Add(workplace);
        }

        workplace.PNumber = input.PNumber;
        workplace.Name = input.Name.Trim();
        workplace.Address = input.Address.Trim();
        workplace.Postcode = input.Postcode;
        if (input.Id is not null && workplace.OrdinaryEmployees != input.OrdinaryEmployees)
        {
            // The ratio rule counts places against this number: an approval judged on the old one must not commit.
            await db.StampAsync(RuleStampScopes.WorkplacePlaces, workplace.Id, cancellationToken);
        }

        workplace.OrdinaryEmployees = input.OrdinaryEmployees;
        workplace.EmployeesReportedFor = new DateOnly(input.EmployeesReportedFor.Year, input.EmployeesReportedFor.Month, 1);
        workplace.AverageEmployees12Months = input.AverageEmployees12Months;
        // This save also stages CompanyChanged in the outbox, in the same transaction: Yield's SourceChangeEvents
        // interceptor does it for every write path, so the yield read model cannot miss one.
        await db.SaveOrConflictAsync(RefusalText.Of("Companies.PNumberTaken", ("pNumber", input.PNumber)), cancellationToken);
        return workplace.ToView();
    }
}
