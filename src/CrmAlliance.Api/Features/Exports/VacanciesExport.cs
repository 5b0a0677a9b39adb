using System.Runtime.CompilerServices;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Exports;

/// <summary>Vacancies published in the period (by the Danish date of publication); drafts never published are not offered.</summary>
public sealed class VacanciesExport(CrmDbContext db) : IRawRowTable
{
    public string Name => "vacancies";

    public IReadOnlyList<string> Columns { get; } =
    [
        "vacancyId", "companyId", "workplaceId", "offerKind", "occupationCode", "title", "positions", "hoursPerWeek",
        "startDate", "applicationDeadline", "status", "createdAt", "publishedAt", "publishedOn",
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(ReportPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = DanishCalendar.StartOf(period.Start);
        var before = DanishCalendar.StartOf(period.EndExclusive);
        var rows = db.Vacancies.AsNoTracking()
            .Where(v => v.PublishedAt >= since && v.PublishedAt < before)
            .OrderBy(v => v.PublishedAt).ThenBy(v => v.Id)
            .Select(v => new { v.Id, v.CompanyId, v.WorkplaceId, v.OfferKind, v.OccupationCode, v.Title, v.Positions, v.HoursPerWeek, v.StartDate, v.ApplicationDeadline, v.Status, v.CreatedAt, v.PublishedAt })
            .AsAsyncEnumerable();
        await foreach (var v in rows.WithCancellation(cancellationToken))
        {
            yield return
            [
                v.Id, v.CompanyId, v.WorkplaceId, v.OfferKind, v.OccupationCode, v.Title, v.Positions, v.HoursPerWeek,
                v.StartDate, v.ApplicationDeadline, v.Status, v.CreatedAt, v.PublishedAt, v.PublishedAt is { } published ? DanishCalendar.DateOf(published) : null,
            ];
        }
    }
}
