using System.Linq.Expressions;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Pledges;

public sealed record PledgeView(
    Guid Id,
    Guid CompanyId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int OrdinaryJobs,
    int Internships,
    int WageSubsidyJobs,
    int AdultApprenticeships,
    int FlexJobs,
    int Mentors,
    IReadOnlyList<TargetGroup> TargetGroups,
    string? Note,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    int Version);

/// <summary>
/// Reads of pledges. Staff see all; a company user sees its own company's, without the note
/// (the jobcenter's internal remark on the agreement).
/// </summary>
public sealed class PledgeQueries(CrmDbContext db)
{
    /// <summary>Pledges, latest period first; optionally one company's, and only those running on a date.</summary>
    public async Task<Page<PledgeView>> ListAsync(Guid? companyId, DateOnly? activeOn, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        var query = db.Pledges.AsNoTracking();
        if (companyId is { } id)
        {
            actor.RequireCompanyAccess(id);
            query = query.Where(p => p.CompanyId == id);
        }
        else if (actor.Role == Role.Company)
        {
            query = query.Where(p => p.CompanyId == actor.CompanyId);
        }

        if (activeOn is { } day)
        {
            query = query.Where(p => p.PeriodStart <= day && p.PeriodEnd >= day);
        }

        return await query.OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Id).Select(ToView(actor)).ToPageAsync(page, cancellationToken);
    }

    public async Task<ILookup<Guid, PledgeView>> ByCompanyAsync(IReadOnlyCollection<Guid> companyIds, Actor actor, CancellationToken cancellationToken)
    {
        var visible = actor.Role == Role.Company ? companyIds.Where(id => id == actor.CompanyId).ToList() : companyIds.ToList();
        var rows = await db.Pledges.AsNoTracking()
            .Where(p => visible.Contains(p.CompanyId))
            .OrderByDescending(p => p.PeriodStart)
            .Select(ToView(actor))
            .ToListAsync(cancellationToken);
        return rows.ToLookup(p => p.CompanyId);
    }

    public async Task<IReadOnlyDictionary<Guid, PledgeView>> GetByIdsAsync(IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        return await VisibleTo(actor).Where(p => list.Contains(p.Id)).Select(ToView(actor)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    /// <summary>The pledges the actor may read: staff all, a company user its own company's.</summary>
    public IQueryable<Pledge> VisibleTo(Actor actor)
    {
        var query = db.Pledges.AsNoTracking();
        return actor.Role == Role.Company ? query.Where(p => p.CompanyId == actor.CompanyId) : query;
    }

    /// <summary>The projection for this reader: the note is withheld from company users here, in the core.</summary>
    private static Expression<Func<Pledge, PledgeView>> ToView(Actor actor)
    {
        var showNote = actor.IsStaff;
        return p => new PledgeView(
            p.Id, p.CompanyId, p.PeriodStart, p.PeriodEnd, p.OrdinaryJobs, p.Internships, p.WageSubsidyJobs, p.AdultApprenticeships, p.FlexJobs, p.Mentors,
            p.TargetGroups, showNote ? p.Note : null, p.RecordedAt, p.RecordedBy, p.Version);
    }
}

public static class PledgeMapping
{
    /// <summary>For the writers' answers: only staff write pledges, so the note is always theirs to see.</summary>
    public static PledgeView ToView(this Pledge p) => new(
        p.Id, p.CompanyId, p.PeriodStart, p.PeriodEnd, p.OrdinaryJobs, p.Internships, p.WageSubsidyJobs, p.AdultApprenticeships, p.FlexJobs, p.Mentors,
        p.TargetGroups.ToList(), p.Note, p.RecordedAt, p.RecordedBy, p.Version);
}
