using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Matches;

public sealed record MatchView(Guid Id, Guid VacancyId, Guid CandidateId, int Rank, double Score, string Explanation, MatchStatus Status, DateTimeOffset MatchedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? DismissReason, Guid? PlacementId, int Version, MatchReasons? Reasons = null);

/// <summary>An open vacancy with suggestions no consultant has accepted or dismissed yet.</summary>
public sealed record VacancyAwaitingDecision(Guid VacancyId, string Title, OfferKind OfferKind, DateOnly StartDate, Guid CompanyId, string CompanyName, int Undecided);

/// <summary>
/// How consultants received matching's suggestions. <see cref="Suggested"/> counts every suggestion ever
/// shown, including those a newer round replaced; the rates are shares of it.
/// </summary>
public sealed record MatchQualityView(int Suggested, int Accepted, int Dismissed, int Pending)
{
    public double? AcceptRate => Suggested == 0 ? null : (double)Accepted / Suggested;

    public double? DismissRate => Suggested == 0 ? null : (double)Dismissed / Suggested;

    public static MatchQualityView From(IEnumerable<(MatchStatus Status, int Count)> counts)
    {
        var byStatus = counts.ToDictionary(c => c.Status, c => c.Count);
        int Of(MatchStatus status) => byStatus.GetValueOrDefault(status);
        return new(byStatus.Values.Sum(), Of(MatchStatus.Accepted), Of(MatchStatus.Dismissed), Of(MatchStatus.Suggested));
    }
}

/// <summary>Matches are jobcenter business: staff read them, consultants act on them, company users never see them.</summary>
public sealed class MatchQueries(CrmDbContext db)
{
    public static readonly MatchStatus[] CurrentStatuses = [MatchStatus.Suggested, MatchStatus.Accepted, MatchStatus.Dismissed];

    public static void RequireMatchReader(Actor actor) => actor.Require(Role.Consultant, Role.Manager, Role.Admin);

    public async Task<ILookup<Guid, MatchView>> ByVacancyAsync(IReadOnlyCollection<Guid> vacancyIds, IReadOnlyCollection<MatchStatus> statuses, Actor actor, CancellationToken cancellationToken)
    {
        RequireMatchReader(actor);
        var rows = await db.VacancyMatches.AsNoTracking()
            .Where(m => vacancyIds.Contains(m.VacancyId) && statuses.Contains(m.Status))
            .OrderBy(m => m.Rank).ThenBy(m => m.Id)
            .Select(ToView)
            .ToListAsync(cancellationToken);
        return rows.ToLookup(m => m.VacancyId);
    }

    /// <summary>
    /// Open vacancies with undecided suggestions, soonest start first: a consultant's own companies' (those they are
    /// responsible for), every company's for managers and admins.
    /// </summary>
    public async Task<Page<VacancyAwaitingDecision>> AwaitingDecisionAsync(PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        RequireMatchReader(actor);
        var companies = db.Companies.AsNoTracking();
        if (actor.Role == Role.Consultant)
        {
            companies = companies.Where(c => c.ResponsibleConsultantId == actor.UserId);
        }

        var waiting =
            from v in db.Vacancies.AsNoTracking()
            join c in companies on v.CompanyId equals c.Id
            let undecided = db.VacancyMatches.Count(m => m.VacancyId == v.Id && m.Status == MatchStatus.Suggested)
            where v.Status == VacancyStatus.Open && undecided > 0
            orderby v.StartDate, v.Id
            select new VacancyAwaitingDecision(v.Id, v.Title, v.OfferKind, v.StartDate, c.Id, c.Name, undecided);
        return await waiting.ToPageAsync(page, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, MatchQualityView>> QualityByVacancyAsync(IReadOnlyCollection<Guid> vacancyIds, Actor actor, CancellationToken cancellationToken)
    {
        RequireMatchReader(actor);
        var counts = await db.VacancyMatches.AsNoTracking()
            .Where(m => vacancyIds.Contains(m.VacancyId))
            .GroupBy(m => new { m.VacancyId, m.Status })
            .Select(g => new { g.Key.VacancyId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return vacancyIds.ToDictionary(id => id, id => MatchQualityView.From(counts.Where(c => c.VacancyId == id).Select(c => (c.Status, c.Count))));
    }

    /// <summary>The matcher's quality over every vacancy, for suggestions made in the period (UTC days).</summary>
    public async Task<MatchQualityView> QualityAsync(DateOnly? from, DateOnly? to, Actor actor, CancellationToken cancellationToken)
    {
        RequireMatchReader(actor);
        new Validator().Check(from is null || to is null || from <= to, "to", RefusalText.Of("Core.NotBeforeFrom", ("from", from))).ThrowIfInvalid();
        var matches = db.VacancyMatches.AsNoTracking();
        if (from is { } first)
        {
            var since = UtcDays.StartOf(first);
            matches = matches.Where(m => m.MatchedAt >= since);
        }

        if (to is { } last)
        {
            var before = UtcDays.EndOf(last);
            matches = matches.Where(m => m.MatchedAt < before);
        }

        var counts = await matches.GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return MatchQualityView.From(counts.Select(c => (c.Status, c.Count)));
    }

    public async Task<IReadOnlyDictionary<Guid, MatchView>> GetByIdsAsync(IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken)
    {
        RequireMatchReader(actor);
        return await db.VacancyMatches.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(ToView).ToDictionaryAsync(m => m.Id, cancellationToken);
    }

    /// <summary>The view of a match already loaded (e.g. one just changed), by the same projection the queries use.</summary>
    public static MatchView View(VacancyMatch match) => ToViewCompiled(match);

    private static readonly System.Linq.Expressions.Expression<Func<VacancyMatch, MatchView>> ToView = m =>
        new MatchView(m.Id, m.VacancyId, m.CandidateId, m.Rank, m.Score, m.Explanation, m.Status, m.MatchedAt, m.DecidedAt, m.DecidedBy, m.DismissReason, m.PlacementId, m.Version, m.Reasons);

    private static readonly Func<VacancyMatch, MatchView> ToViewCompiled = ToView.Compile();
}
