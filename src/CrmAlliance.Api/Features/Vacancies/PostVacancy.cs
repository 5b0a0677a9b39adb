using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Vacancies;

public sealed record PostVacancyInput(
    Guid CompanyId,
    Guid WorkplaceId,
    OfferKind OfferKind,
    string OccupationCode,
    string Title,
    string? Description,
    int Positions,
    decimal HoursPerWeek,
    DateOnly StartDate,
    DateOnly? ApplicationDeadline = null,
    IReadOnlyList<string>? RequiredSkills = null,
    bool Publish = false) : IVacancyDetails;

/// <summary>
/// A consultant posts a vacancy for any company, a company user for its own: as a draft to finish later,
/// or published (open for matching) at once.
/// </summary>
public sealed class PostVacancyHandler(CrmDbContext db, VacancyValidation validation, TimeProvider clock)
{
    public async Task<VacancyView> HandleAsync(PostVacancyInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant, Role.Company);
        actor.RequireCompanyAccess(input.CompanyId);
        if (!await db.Companies.AnyAsync(c => c.Id == input.CompanyId, cancellationToken))
        {
            throw new NotFoundException("Company", input.CompanyId, "input.companyId");
        }

        var today = DanishCalendar.Today(clock);
        var skills = await validation.CheckAsync(input, input.CompanyId, current: null, today, cancellationToken);
        await validation.RequireNotLeftAsync(input.CompanyId, cancellationToken);

        var now = clock.GetUtcNow();
        var vacancy = new Vacancy { CompanyId = input.CompanyId, OccupationCode = "", Title = "", CreatedAt = now };
        VacancyValidation.Apply(vacancy, input, skills);
        if (input.Publish)
        {
            vacancy.Status = VacancyStateMachine.Next(vacancy.Status, VacancyTransition.Publish);
            VacancyStateMachine.CheckCanOpen(vacancy.StartDate, vacancy.ApplicationDeadline, today);
            vacancy.PublishedAt = now;
        }

        db.Vacancies.Add(vacancy);
        if (vacancy.Status == VacancyStatus.Open)
        {
            await VacancyEvents.EnqueuePostedAsync(db, vacancy, now, cancellationToken);
        }

        await db.SaveOrConflictAsync(RefusalText.Of("Vacancies.NotSaved"), cancellationToken);
        return vacancy.ToView();
    }
}
