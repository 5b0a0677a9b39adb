using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Vacancies;

/// <summary>
/// The vacancy's events, queued in the outbox with the change: Posted when it opens (also on reopening),
/// Changed when an open vacancy is edited, Closed when it stops taking candidates.
/// </summary>
public static class VacancyEvents
{
    /// <summary>Queues what a move from <paramref name="before"/> to the vacancy's status means for matching.</summary>
    public static async Task EnqueueStatusChangeAsync(CrmDbContext db, Vacancy vacancy, VacancyStatus before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (vacancy.Status == VacancyStatus.Open && before != VacancyStatus.Open)
        {
            await EnqueuePostedAsync(db, vacancy, now, cancellationToken);
        }
        else if (vacancy.Status != VacancyStatus.Open && before == VacancyStatus.Open)
        {
            EnqueueClosed(db, vacancy, now);
        }
    }

    public static async Task EnqueuePostedAsync(CrmDbContext db, Vacancy vacancy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var postcode = await WorkplacePostcodeAsync(db, vacancy.WorkplaceId, cancellationToken);
        db.Enqueue(vacancy.Id, Posted(vacancy, postcode, now), now);
    }

    public static VacancyPosted Posted(Vacancy vacancy, string workplacePostcode, DateTimeOffset now)
        => new(vacancy.Id, vacancy.CompanyId, vacancy.WorkplaceId, workplacePostcode, vacancy.OfferKind.ToString(), vacancy.OccupationCode,
            [.. vacancy.RequiredSkills], vacancy.Positions, vacancy.StartDate, vacancy.ApplicationDeadline, now);

    public static async Task EnqueueChangedAsync(CrmDbContext db, Vacancy vacancy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var postcode = await WorkplacePostcodeAsync(db, vacancy.WorkplaceId, cancellationToken);
        db.Enqueue(vacancy.Id, new VacancyChanged(
            vacancy.Id, vacancy.CompanyId, vacancy.WorkplaceId, postcode, vacancy.OfferKind.ToString(), vacancy.OccupationCode,
            [.. vacancy.RequiredSkills], vacancy.Positions, vacancy.StartDate, vacancy.ApplicationDeadline, now), now);
    }

    public static void EnqueueClosed(CrmDbContext db, Vacancy vacancy, DateTimeOffset now)
        => db.Enqueue(vacancy.Id, new VacancyClosed(vacancy.Id, vacancy.Status.ToString(), now), now);

    private static Task<string> WorkplacePostcodeAsync(CrmDbContext db, Guid workplaceId, CancellationToken cancellationToken)
        => db.Workplaces.Where(w => w.Id == workplaceId).Select(w => w.Postcode).SingleAsync(cancellationToken);
}
