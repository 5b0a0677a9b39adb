using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Outcomes;

public sealed record OutcomeView(Guid Id, Guid PlacementId, int MonthsAfterEnd, EndResult? EndResult, bool? SelfSupporting, DateOnly? ObservedOn, DateTimeOffset RecordedAt, string Source);

/// <summary>
/// Reads of outcomes. Staff read all. A company user reads only the outcome at the end of its own
/// company's placements (whether the person was hired is something the company knows anyway); the
/// follow-ups say whether a citizen lives on public benefits months later, which is not the company's business.
/// </summary>
public sealed class OutcomeQueries(CrmDbContext db)
{
    public async Task<ILookup<Guid, OutcomeView>> ByPlacementAsync(IReadOnlyCollection<Guid> placementIds, Actor actor, CancellationToken cancellationToken)
    {
        var rows = await VisibleTo(actor).Where(o => placementIds.Contains(o.PlacementId))
            .OrderBy(o => o.MonthsAfterEnd)
            .Select(o => new OutcomeView(o.Id, o.PlacementId, o.MonthsAfterEnd, o.EndResult, o.SelfSupporting, o.ObservedOn, o.RecordedAt, o.Source))
            .ToListAsync(cancellationToken);
        return rows.ToLookup(o => o.PlacementId);
    }

    public async Task<IReadOnlyDictionary<Guid, OutcomeView>> GetByIdsAsync(IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        return await VisibleTo(actor).Where(o => list.Contains(o.Id))
            .Select(o => new OutcomeView(o.Id, o.PlacementId, o.MonthsAfterEnd, o.EndResult, o.SelfSupporting, o.ObservedOn, o.RecordedAt, o.Source))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
    }

    /// <summary>The outcomes the actor may read: staff all, a company user those at the end of its own company's placements.</summary>
    public IQueryable<Outcome> VisibleTo(Actor actor)
    {
        var outcomes = db.Outcomes.AsNoTracking();
        return actor.Role == Role.Company
            ? outcomes.Where(o => o.MonthsAfterEnd == 0 && db.Placements.Any(p => p.Id == o.PlacementId && p.CompanyId == actor.CompanyId))
            : outcomes;
    }
}
