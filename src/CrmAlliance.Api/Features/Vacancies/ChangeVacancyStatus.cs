using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Vacancies;

/// <param name="ApplicationDeadline">With REOPEN only: a new deadline, needed when the old one has passed.</param>
public sealed record ChangeVacancyStatusInput(Guid Id, int Version, VacancyTransition Transition, DateOnly? ApplicationDeadline = null);

/// <summary>Moves a vacancy through its life cycle by the table in <see cref="VacancyStateMachine"/>.</summary>
public sealed class ChangeVacancyStatusHandler(CrmDbContext db, VacancyValidation validation, TimeProvider clock)
{
    public async Task<VacancyView> HandleAsync(ChangeVacancyStatusInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant, Role.Company);
        var vacancy = await db.Vacancies.SingleOrDefaultAsync(v => v.Id == input.Id, cancellationToken)
            ?? throw new NotFoundException("Vacancy", input.Id, "input.id");
        actor.RequireCompanyAccess(vacancy.CompanyId);

        var today = DanishCalendar.Today(clock);
        var v = new Validator().Check(input.Transition != VacancyTransition.Expire, "transition", RefusalText.Of("Vacancies.ExpireBySystem"));
        if (input.ApplicationDeadline is { } newDeadline)
        {
            v.Check(input.Transition == VacancyTransition.Reopen, "applicationDeadline", RefusalText.Of("Vacancies.DeadlineOnlyWithReopen"));
            v.Check(newDeadline >= today, "applicationDeadline", RefusalText.Of("Core.DateInPast", ("date", newDeadline), ("today", today)));
            v.Check(newDeadline <= vacancy.StartDate, "applicationDeadline", RefusalText.Of("Vacancies.DeadlineAfterStart", ("deadline", newDeadline), ("start", vacancy.StartDate)));

        }

        v.ThrowIfInvalid();
        SaveChangesExtensions.CheckVersion(vacancy.Version, input.Version);

        var next = VacancyStateMachine.Next(vacancy.Status, input.Transition);
        var deadline = input.ApplicationDeadline ?? vacancy.ApplicationDeadline;
        if (next == VacancyStatus.Open)
        {
            VacancyStateMachine.CheckCanOpen(vacancy.StartDate, deadline, today);
            await validation.RequireNotLeftAsync(vacancy.CompanyId, cancellationToken);
        }

        var before = vacancy.Status;
        vacancy.Status = next;
        vacancy.ApplicationDeadline = deadline;

        // The first publication is when the vacancy was offered; reopening does not post it again.
        vacancy.PublishedAt ??= next == VacancyStatus.Open ? clock.GetUtcNow() : null;
        vacancy.Version++;
        await VacancyEvents.EnqueueStatusChangeAsync(db, vacancy, before, clock.GetUtcNow(), cancellationToken);
        await db.SaveOrConflictAsync(RefusalText.Of("Vacancies.NotSaved"), cancellationToken);
        return vacancy.ToView();
    }
}
