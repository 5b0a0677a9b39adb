using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Companies;

public sealed record CompanyView(
    Guid Id,
    string Cvr,
    string Name,
    string IndustryCode,
    string Address,
    string Postcode,
    Sector Sector,
    MembershipStatus MembershipStatus,
    DateOnly? JoinedOn,
    string? ResponsibleConsultantId,
    int Version);

public sealed record WorkplaceView(
    Guid Id,
    Guid CompanyId,
    string PNumber,
    string Name,
    string Address,
    string Postcode,
    int OrdinaryEmployees,
    DateOnly EmployeesReportedFor,
    decimal AverageEmployees12Months);

public sealed record CompanyContactView(Guid Id, Guid CompanyId, string Name, string? JobTitle, string? Email, string? Phone, bool IsEmployeeRepresentative);

public enum CompanySort
{
    Name,
    Cvr,
    JoinedOn,
    CreatedAt,
}

public sealed record CompanyFilter(
    string? NameContains = null,
    string? Cvr = null,
    string? IndustryCodePrefix = null,
    MembershipStatus? MembershipStatus = null,
    string? ResponsibleConsultantId = null,
    string? Search = null);

/// <summary>Reads of companies, their workplaces and contact persons, with access applied.</summary>
public sealed class CompanyQueries(CrmDbContext db)
{
    public async Task<Page<CompanyView>> ListAsync(CompanyFilter filter, CompanySort sort, bool descending, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        var query = db.Companies.AsNoTracking();
        if (actor.Role == Role.Company)
        {
            query = query.Where(c => c.Id == actor.CompanyId);
        }

        if (!string.IsNullOrWhiteSpace(filter.NameContains))
        {
            var pattern = TextSearch.ContainsPattern(filter.NameContains.Trim());
            query = query.Where(c => EF.Functions.Like(c.Name, pattern, TextSearch.Escape));
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            query = query.Where(Matching(filter.Search.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Cvr))
        {
            query = query.Where(c => c.Cvr == filter.Cvr.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.IndustryCodePrefix))
        {
            var prefix = filter.IndustryCodePrefix.Trim();
            query = query.Where(c => c.IndustryCode.StartsWith(prefix));
        }

        if (filter.MembershipStatus is { } status)
        {
            query = query.Where(c => c.MembershipStatus == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.ResponsibleConsultantId))
        {
            query = query.Where(c => c.ResponsibleConsultantId == filter.ResponsibleConsultantId);
        }

        query = (sort, descending) switch
        {
            (CompanySort.Cvr, false) => query.OrderBy(c => c.Cvr),
            (CompanySort.Cvr, true) => query.OrderByDescending(c => c.Cvr),
            (CompanySort.JoinedOn, false) => query.OrderBy(c => c.JoinedOn).ThenBy(c => c.Id),
            (CompanySort.JoinedOn, true) => query.OrderByDescending(c => c.JoinedOn).ThenBy(c => c.Id),
            (CompanySort.CreatedAt, false) => query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            (CompanySort.CreatedAt, true) => query.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id),
            _ => query.OrderByDanish(db.Database, c => c.Name, descending).ThenBy(c => c.Id),
        };

        return await query.Select(ToView).ToPageAsync(db.Database, page, cancellationToken);
    }

    /// <summary>One company; a company user may read only its own (any other is refused, not hidden).</summary>
    public async Task<CompanyView> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        actor.RequireCompanyAccess(id);
        return await ById(id, cancellationToken) ?? throw new NotFoundException("Company", id, "id");
    }

    public async Task<IReadOnlyDictionary<Guid, CompanyView>> GetByIdsAsync(IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken)
    {
        var visible = VisibleIds(ids, actor);
        if (visible.Count == 1)
        {
            // The commonest batch (company(id), node(id)): one key, without IN's SQL generated per run.
            var one = await ById(visible[0], cancellationToken);
            return one is null ? new Dictionary<Guid, CompanyView>() : new Dictionary<Guid, CompanyView> { [one.Id] = one };
        }

        return await db.Companies.AsNoTracking().Where(c => visible.Contains(c.Id)).Select(ToView).ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    public async Task<ILookup<Guid, WorkplaceView>> WorkplacesByCompanyAsync(IReadOnlyCollection<Guid> companyIds, Actor actor, CancellationToken cancellationToken)
    {
        var visible = VisibleIds(companyIds, actor);
        var rows = await db.Workplaces.AsNoTracking()
            .Where(w => visible.Contains(w.CompanyId))
            .OrderByDanish(db.Database, w => w.Name)
            .Select(w => new WorkplaceView(w.Id, w.CompanyId, w.PNumber, w.Name, w.Address, w.Postcode, w.OrdinaryEmployees, w.EmployeesReportedFor, w.AverageEmployees12Months))
            .ToListAsync(cancellationToken);
        return rows.ToLookup(w => w.CompanyId);
    }

    public async Task<IReadOnlyDictionary<Guid, WorkplaceView>> WorkplacesByIdAsync(IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken)
    {
        var query = db.Workplaces.AsNoTracking().Where(w => ids.Contains(w.Id));
        if (actor.Role == Role.Company)
        {
            query = query.Where(w => w.CompanyId == actor.CompanyId);
        }

        return await query
            .Select(w => new WorkplaceView(w.Id, w.CompanyId, w.PNumber, w.Name, w.Address, w.Postcode, w.OrdinaryEmployees, w.EmployeesReportedFor, w.AverageEmployees12Months))
            .ToDictionaryAsync(w => w.Id, cancellationToken);
    }

    public async Task<ILookup<Guid, CompanyContactView>> ContactsByCompanyAsync(IReadOnlyCollection<Guid> companyIds, Actor actor, CancellationToken cancellationToken)
    {
        var visible = VisibleIds(companyIds, actor);
        var rows = await db.CompanyContacts.AsNoTracking()
            .Where(c => visible.Contains(c.CompanyId))
            .OrderByDanish(db.Database, c => c.Name)
            .Select(c => new CompanyContactView(c.Id, c.CompanyId, c.Name, c.JobTitle, c.Email, c.Phone, c.IsEmployeeRepresentative))
            .ToListAsync(cancellationToken);
        return rows.ToLookup(c => c.CompanyId);
    }

    /// <summary>
    /// What people type to find a company: part of its name, or (digits only) the start of its CVR number or of one of
    /// its workplaces' P-numbers. Each is an indexed column or a short scan of the companies' names.
    /// </summary>
    private System.Linq.Expressions.Expression<Func<Company, bool>> Matching(string text)
    {
        var pattern = TextSearch.ContainsPattern(text);
        if (!text.All(char.IsAsciiDigit))
        {
            return c => EF.Functions.Like(c.Name, pattern, TextSearch.Escape);
        }

        // Digits sort before ':', so [digits, digits + ':') holds exactly the numbers starting with them: a range
        // the unique indexes on CVR and P-number answer, where LIKE 'digits%' would read every row.
        var (from, to) = (text, text + ":");
        var byPNumber = db.Workplaces.Where(w => w.PNumber.CompareTo(from) >= 0 && w.PNumber.CompareTo(to) < 0).Select(w => w.CompanyId);
        return c => (c.Cvr.CompareTo(from) >= 0 && c.Cvr.CompareTo(to) < 0)
            || byPNumber.Contains(c.Id)
            || EF.Functions.Like(c.Name, pattern, TextSearch.Escape);
    }

    private static List<Guid> VisibleIds(IReadOnlyCollection<Guid> ids, Actor actor)
        => actor.Role == Role.Company ? ids.Where(id => id == actor.CompanyId).ToList() : ids.ToList();

    private static readonly System.Linq.Expressions.Expression<Func<Company, CompanyView>> ToView = c => new CompanyView(
        c.Id, c.Cvr, c.Name, c.IndustryCode, c.Address, c.Postcode, c.Sector, c.MembershipStatus, c.JoinedOn, c.ResponsibleConsultantId, c.Version);

    /// <summary>
    /// One company by ID, compiled once: the look-up by one key is the commonest read (issue 13), and as LINQ it paid on
    /// every run for extracting its parameters and finding its cached plan (a tenth of a GraphQL look-up's CPU).
    /// </summary>
    private static readonly PerModelCompiledQuery<Func<CrmDbContext, Guid, CancellationToken, Task<CompanyView?>>> CompiledById = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, Guid id, CancellationToken cancellationToken) => db.Companies.AsNoTracking().Where(c => c.Id == id).Select(ToView).SingleOrDefault()));

    private Task<CompanyView?> ById(Guid id, CancellationToken cancellationToken) => CompiledById.For(db)(db, id, cancellationToken);
}
