using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Contracts.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Placements;

/// <summary>A candidate's placements as Candidates needs them: the busy periods matching is told, and the list on their page.</summary>
public sealed class CandidatePlacements(CrmDbContext db) : ICandidatePlacements
{
    public async Task<ILookup<Guid, BusyPeriod>> BusyPeriodsAsync(IReadOnlyCollection<Guid> candidateIds, CancellationToken cancellationToken)
        => (await db.BusyPeriodsAsync(candidateIds, cancellationToken))
            .SelectMany(periods => periods.Select(p => (periods.Key, Period: ToContract(p))))
            .ToLookup(p => p.Key, p => p.Period);

    public async Task<IReadOnlyList<CandidatePlacement>> ListAsync(Guid candidateId, Actor actor, CancellationToken cancellationToken)
    {
        CandidateQueries.RequireReader(actor);
        var rows = await db.Placements.AsNoTracking()
            .Where(p => p.CandidateId == candidateId)
            .Join(db.Companies, p => p.CompanyId, c => c.Id, (p, c) => new { p.Id, c.Name, p.OfferKind, p.PlannedStart, p.PlannedEnd, p.ActualStart, p.ActualEnd, p.Status, p.CreatedAt })
            .ToListAsync(cancellationToken);

        // Ordered here: SQLite cannot order by a DateTimeOffset.
        return [.. rows
            .OrderByDescending(r => r.ActualStart ?? r.PlannedStart)
            .ThenByDescending(r => r.CreatedAt)
            .Select(r => new CandidatePlacement(r.Id, r.Name, r.OfferKind, r.ActualStart ?? r.PlannedStart, r.ActualEnd ?? r.PlannedEnd, r.Status.ToString()))];
    }

    public static BusyPeriod ToContract(DatePeriod period) => new(period.Start, period.End);
}

/// <summary>
/// Tells matching when a placement step changes the days its candidate is held (<see cref="CandidateOverlapCheck.HoldsCandidate"/>),
/// with the candidate's whole state in a CandidateChanged, so a candidate the overlap rule would refuse is not suggested.
/// </summary>
public static class CandidateBusyEvents
{
    /// <summary>
    /// Queues CandidateChanged for a placement's candidate with the busy periods as they will be once <paramref name="changed"/>
    /// (tracked, not yet saved) is saved, stamped <paramref name="now"/>. Nothing for a withdrawn candidate: matching has
    /// forgotten them, and a newer event would bring them back.
    /// </summary>
    public static async Task EnqueueAsync(CrmDbContext db, Placement changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == changed.CandidateId, cancellationToken);
        if (candidate.WithdrawnAt is not null)
        {
            return;
        }

        var others = await db.Placements.AsNoTracking()
            .Where(CandidateOverlapCheck.HoldsCandidate)
            .Where(p => p.CandidateId == changed.CandidateId && p.Id != changed.Id)
            .Select(p => new { Start = p.ActualStart ?? p.PlannedStart, p.PlannedEnd })
            .ToListAsync(cancellationToken);
        var busy = others.Select(p => new DatePeriod(p.Start, p.PlannedEnd)).ToList();
        if (CandidateOverlapCheck.Holds(changed))
        {
            busy.Add(CandidateOverlapCheck.HeldPeriod(changed));
        }

        // Never older than the candidate's own state: matching keeps the newest.
        var asOf = now > candidate.UpdatedAt ? now : candidate.UpdatedAt;
        CandidateEvents.EnqueueChanged(db, candidate, busy.OrderBy(p => p.Start).Select(CandidatePlacements.ToContract), asOf);
    }
}
