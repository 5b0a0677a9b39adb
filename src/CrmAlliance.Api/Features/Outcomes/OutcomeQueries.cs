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
        var outcomes = db.Outcomes.AsNoTracking().Where(o => placementIds.Contains(o.PlacementId));
        if (actor.Role == Role.Company)
        {
            outcomes = outcomes.Where(o => o.MonthsAfterEnd == 0 && db.Placements.Any(p => p.Id == o.PlacementId && p.CompanyId == actor.CompanyId));
        }

        var rows = await outcomes
            .OrderBy(o => o.MonthsAfterEnd)
            .Select(o => new OutcomeView(o.Id, o.PlacementId, o.MonthsAfterEnd, o.EndResult, o.SelfSupporting, o.ObservedOn, o.RecordedAt, o.Source))
            .ToListAsync(cancellationToken);
        return rows.ToLookup(o => o.PlacementId);
    }
}
