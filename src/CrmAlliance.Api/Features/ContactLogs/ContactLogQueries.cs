using System.Linq.Expressions;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.ContactLogs;

public sealed record ContactLogView(
    Guid Id,
    Guid CompanyId,
    string ConsultantId,
    DateTimeOffset OccurredAt,
    ContactChannel Channel,
    string Summary,
    string? Outcome,
    DateOnly? FollowUpOn,
    bool FollowUpDone);

/// <summary>Reads of contact logs. They are the jobcenter's working notes: staff only, never company users.</summary>
public sealed class ContactLogQueries(CrmDbContext db, TimeProvider clock)
{
    public const int DefaultLatestPerCompany = 3;
    public const int MaxLatestPerCompany = 20;

    /// <summary>One company's contacts, newest first, optionally within Danish calendar dates (both inclusive).</summary>
    public async Task<Page<ContactLogView>> ListAsync(Guid companyId, DateOnly? from, DateOnly? to, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        RequireStaff(actor);
        new Validator().Check(from is null || to is null || from <= to, "to", RefusalText.Of("Core.NotBeforeFrom", ("from", from))).ThrowIfInvalid();

        var query = db.ContactLogs.AsNoTracking().Where(c => c.CompanyId == companyId);
        if (from is { } first)
        {
            var start = DanishCalendar.StartOf(first);
            query = query.Where(c => c.OccurredAt >= start);
        }

        if (to is { } last)
        {
            var end = DanishCalendar.StartOf(last.AddDays(1));
            query = query.Where(c => c.OccurredAt < end);
        }

        return await query.OrderByDescending(c => c.OccurredAt).ThenByDescending(c => c.Id).Select(ToView).ToPageAsync(page, cancellationToken);
    }

    /// <summary>
    /// Open follow-ups due on or before <paramref name="until"/> (default: today in Denmark), earliest first.
    /// A consultant sees their own; managers and admins may name any consultant, or see everyone's.
    /// </summary>
    public async Task<Page<ContactLogView>> FollowUpsDueAsync(DateOnly? until, string? consultantId, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        RequireStaff(actor);
        if (actor.Role == Role.Consultant && consultantId is not null && consultantId != actor.UserId)
        {
            throw new ForbiddenException(RefusalText.Of("ContactLogs.OwnFollowUpsOnly"));
        }

        var owner = actor.Role == Role.Consultant ? actor.UserId : consultantId;
        var dueBy = until ?? DanishCalendar.Today(clock);
        var query = db.ContactLogs.AsNoTracking().Where(c => !c.FollowUpDone && c.FollowUpOn != null && c.FollowUpOn <= dueBy);
        if (owner is not null)
        {
            query = query.Where(c => c.ConsultantId == owner);
        }

        return await query.OrderBy(c => c.FollowUpOn).ThenBy(c => c.OccurredAt).ThenBy(c => c.Id).Select(ToView).ToPageAsync(page, cancellationToken);
    }

    /// <summary>The newest <paramref name="perCompany"/> contacts of each company, in one query for all of them.</summary>
    public async Task<ILookup<Guid, ContactLogView>> LatestByCompanyAsync(IReadOnlyCollection<Guid> companyIds, int perCompany, Actor actor, CancellationToken cancellationToken)
    {
        RequireStaff(actor);
        new Validator().Check(perCompany is >= 0 and <= MaxLatestPerCompany, "first", Validator.Between(0, MaxLatestPerCompany)).ThrowIfInvalid();
        if (perCompany == 0 || companyIds.Count == 0)
        {
            return Array.Empty<ContactLogView>().ToLookup(c => c.CompanyId);
        }

        var ids = companyIds.ToList();

        // Correlated on the company, EF turns "Take per company" into ROW_NUMBER() OVER (PARTITION BY CompanyId ...):
        // one round trip for the whole page of companies, on SQLite and SQL Server alike. The repeated key filter
        // lands inside the window's subquery, so only these companies' logs are numbered (via the CompanyId index).
        var rows = await db.Companies.AsNoTracking()
            .Where(company => ids.Contains(company.Id))
            .SelectMany(company => db.ContactLogs
                .Where(c => ids.Contains(c.CompanyId) && c.CompanyId == company.Id)
                .OrderByDescending(c => c.OccurredAt)
                .ThenByDescending(c => c.Id)
                .Take(perCompany))
            .Select(ToView)
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(c => c.OccurredAt).ThenByDescending(c => c.Id).ToLookup(c => c.CompanyId);
    }

    public async Task<IReadOnlyDictionary<Guid, ContactLogView>> GetByIdsAsync(IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken)
    {
        RequireStaff(actor);
        var list = ids.ToList();
        return await db.ContactLogs.AsNoTracking().Where(c => list.Contains(c.Id)).Select(ToView).ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    /// <summary>Every contact log, for staff; company users are refused.</summary>
    public IQueryable<ContactLog> VisibleTo(Actor actor)
    {
        RequireStaff(actor);
        return db.ContactLogs.AsNoTracking();
    }

    /// <summary>Contact logs are the jobcenter's own notes: staff read them, company users never.</summary>
    public static bool AreVisibleTo(Actor actor) => actor.IsStaff;

    private static void RequireStaff(Actor actor)
    {
        if (!AreVisibleTo(actor))
        {
            throw new ForbiddenException(RefusalText.Of("ContactLogs.StaffOnly"));

        }
    }

    private static readonly Expression<Func<ContactLog, ContactLogView>> ToView = c => new ContactLogView(
        c.Id, c.CompanyId, c.ConsultantId, c.OccurredAt, c.Channel, c.Summary, c.Outcome, c.FollowUpOn, c.FollowUpDone);
}

public static class ContactLogMapping
{
    public static ContactLogView ToView(this ContactLog c) => new(
        c.Id, c.CompanyId, c.ConsultantId, c.OccurredAt, c.Channel, c.Summary, c.Outcome, c.FollowUpOn, c.FollowUpDone);
}
