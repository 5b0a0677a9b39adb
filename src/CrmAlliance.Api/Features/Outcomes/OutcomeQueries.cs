using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Outcomes;

public sealed record OutcomeView(Guid Id, Guid PlacementId, int MonthsAfterEnd, EndResult? EndResult, bool? SelfSupporting, DateOnly? ObservedOn, DateTimeOffset RecordedAt, string Source);

/// <summary>
/// Reads of outcomes. Staff read all; a company user none (<see cref="VisibleTo"/>): the end result says whether
/// the citizen went on to education or back on benefits, the follow-ups whether they live on public benefits months
/// later, neither of which is the company's business. Whether it hired the person, the company knows anyway.
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

    /// <summary>
    /// The outcomes the actor may read: staff all, a company user none. What became of a citizen after a placement —
    /// education, back on benefits, self-supporting months later — is the jobcenter's to know, not the company's; the
    /// company's own yield suppresses counts of such outcomes from 1 to 4 for the same reason, which a single
    /// placement's outcome would undo.
    /// </summary>
    public IQueryable<Outcome> VisibleTo(Actor actor)
    {
        var outcomes = db.Outcomes.AsNoTracking();
        return actor.Role == Role.Company ? outcomes.Where(_ => false) : outcomes;
    }
}
