using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Vacancies;

public sealed record UpdateVacancyInput(
    Guid Id,
    int Version,
    Guid WorkplaceId,
    OfferKind OfferKind,
    string OccupationCode,
    string Title,
    string? Description,
    int Positions,
    decimal HoursPerWeek,
    DateOnly StartDate,
    DateOnly? ApplicationDeadline = null,
    IReadOnlyList<string>? RequiredSkills = null) : IVacancyDetails;

/// <summary>Changes a draft or open vacancy's details; its company and status never change here.</summary>
public sealed class UpdateVacancyHandler(CrmDbContext db, VacancyValidation validation, TimeProvider clock)
{
    public const string EditableRule = "VacancyEditable";

    public async Task<VacancyView> HandleAsync(UpdateVacancyInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant, Role.Company);
        var vacancy = await db.Vacancies.SingleOrDefaultAsync(v => v.Id == input.Id, cancellationToken)
            ?? throw new NotFoundException("Vacancy", input.Id, "input.id");
        actor.RequireCompanyAccess(vacancy.CompanyId);

        var skills = await validation.CheckAsync(input, vacancy.CompanyId, vacancy, DanishCalendar.Today(clock), cancellationToken);
        SaveChangesExtensions.CheckVersion(vacancy.Version, input.Version);
        if (vacancy.Status is not (VacancyStatus.Draft or VacancyStatus.Open))
        {
            throw new RuleViolationException(EditableRule, RefusalText.Of("Vacancies.NotEditable", ("status", vacancy.Status)));

        }

        VacancyValidation.Apply(vacancy, input, skills);
        vacancy.Version++;
        if (vacancy.Status == VacancyStatus.Open)
        {
            await VacancyEvents.EnqueueChangedAsync(db, vacancy, clock.GetUtcNow(), cancellationToken);
        }

        await db.SaveOrConflictAsync(RefusalText.Of("Vacancies.NotSaved"), cancellationToken);
        return vacancy.ToView();
    }
}
