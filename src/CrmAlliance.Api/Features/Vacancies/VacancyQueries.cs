using System.Linq.Expressions;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Vacancies;

public sealed record VacancyView(
    Guid Id,
    Guid CompanyId,
    Guid WorkplaceId,
    OfferKind OfferKind,
    string OccupationCode,
    string Title,
    string Description,
    int Positions,
    decimal HoursPerWeek,
    DateOnly StartDate,
    DateOnly? ApplicationDeadline,
    IReadOnlyList<string> RequiredSkills,
    VacancyStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    int Version);

public enum VacancySort
{
    StartDate,
    Deadline,
    CreatedAt,
    Title,
}

public sealed record VacancyFilter(
    IReadOnlyList<OfferKind>? OfferKinds = null,
    IReadOnlyList<VacancyStatus>? Statuses = null,
    string? OccupationCodePrefix = null,
    Guid? CompanyId = null,
    DateOnly? StartFrom = null,
    DateOnly? StartTo = null,
    DateOnly? DeadlineFrom = null,
    DateOnly? DeadlineTo = null,
    string? TitleContains = null);

/// <summary>Reads of vacancies: staff see all, a company user only its own company's.</summary>
public sealed class VacancyQueries(CrmDbContext db)
{
    public async Task<Page<VacancyView>> ListAsync(VacancyFilter filter, VacancySort sort, bool descending, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        var query = VisibleTo(actor);
        if (filter.OfferKinds is { Count: > 0 } kinds)
        {
            query = query.Where(v => kinds.Contains(v.OfferKind));
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            query = query.Where(v => statuses.Contains(v.Status));
        }

        if (!string.IsNullOrWhiteSpace(filter.OccupationCodePrefix))
        {
            var prefix = filter.OccupationCodePrefix.Trim();
            query = query.Where(v => v.OccupationCode.StartsWith(prefix));
        }

        if (filter.CompanyId is { } companyId)
        {
            query = query.Where(v => v.CompanyId == companyId);
        }

        if (filter.StartFrom is { } startFrom)
        {
            query = query.Where(v => v.StartDate >= startFrom);
        }

        if (filter.StartTo is { } startTo)
        {
            query = query.Where(v => v.StartDate <= startTo);
        }

        if (filter.DeadlineFrom is { } deadlineFrom)
        {
            query = query.Where(v => v.ApplicationDeadline >= deadlineFrom);
        }

        if (filter.DeadlineTo is { } deadlineTo)
        {
            query = query.Where(v => v.ApplicationDeadline <= deadlineTo);
        }

        if (!string.IsNullOrWhiteSpace(filter.TitleContains))
        {
            var pattern = TextSearch.ContainsPattern(filter.TitleContains.Trim());
            query = query.Where(v => EF.Functions.Like(v.Title, pattern, TextSearch.Escape));
        }

        query = (sort, descending) switch
        {
            (VacancySort.Deadline, false) => query.OrderBy(v => v.ApplicationDeadline).ThenBy(v => v.Id),
            (VacancySort.Deadline, true) => query.OrderByDescending(v => v.ApplicationDeadline).ThenBy(v => v.Id),
            (VacancySort.CreatedAt, false) => query.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id),
            (VacancySort.CreatedAt, true) => query.OrderByDescending(v => v.CreatedAt).ThenBy(v => v.Id),
            (VacancySort.Title, false) => query.OrderBy(v => v.Title).ThenBy(v => v.Id),
            (VacancySort.Title, true) => query.OrderByDescending(v => v.Title).ThenBy(v => v.Id),
            (_, true) => query.OrderByDescending(v => v.StartDate).ThenBy(v => v.Id),
            _ => query.OrderBy(v => v.StartDate).ThenBy(v => v.Id),
        };

        return await query.Select(ToView).ToPageAsync(page, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, VacancyView>> GetByIdsAsync(IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken)
        => await VisibleTo(actor).Where(v => ids.Contains(v.Id)).Select(ToView).ToDictionaryAsync(v => v.Id, cancellationToken);

    /// <summary>The vacancies of many companies in one query, for the <c>Company.vacancies</c> loader.</summary>
    public async Task<ILookup<Guid, VacancyView>> ByCompaniesAsync(IReadOnlyCollection<Guid> companyIds, IReadOnlyCollection<VacancyStatus>? statuses, Actor actor, CancellationToken cancellationToken)
    {
        var query = VisibleTo(actor).Where(v => companyIds.Contains(v.CompanyId));
        if (statuses is { Count: > 0 })
        {
            query = query.Where(v => statuses.Contains(v.Status));
        }

        var rows = await query.OrderBy(v => v.StartDate).ThenBy(v => v.Id).Select(ToView).ToListAsync(cancellationToken);
        return rows.ToLookup(v => v.CompanyId);
    }

    /// <summary>The vacancies the actor may read: staff all, a company user its own company's.</summary>
    public IQueryable<Vacancy> VisibleTo(Actor actor)
    {
        var query = db.Vacancies.AsNoTracking();
        return actor.Role == Role.Company ? query.Where(v => v.CompanyId == actor.CompanyId) : query;
    }

    private static readonly Expression<Func<Vacancy, VacancyView>> ToView = v => new VacancyView(
        v.Id, v.CompanyId, v.WorkplaceId, v.OfferKind, v.OccupationCode, v.Title, v.Description, v.Positions, v.HoursPerWeek,
        v.StartDate, v.ApplicationDeadline, v.RequiredSkills, v.Status, v.CreatedAt, v.PublishedAt, v.Version);
}

public static class VacancyMapping
{
    public static VacancyView ToView(this Vacancy v) => new(
        v.Id, v.CompanyId, v.WorkplaceId, v.OfferKind, v.OccupationCode, v.Title, v.Description, v.Positions, v.HoursPerWeek,
        v.StartDate, v.ApplicationDeadline, v.RequiredSkills.ToList(), v.Status, v.CreatedAt, v.PublishedAt, v.Version);
}
