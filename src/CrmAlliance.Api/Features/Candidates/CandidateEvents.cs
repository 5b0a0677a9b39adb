using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;
using CrmAlliance.Contracts.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Candidates;

/// <summary>
/// The candidate's events, queued in the outbox with the change: Registered when a candidate enters the
/// pool, Changed when their details change, Withdrawn when they leave it. Each is stamped with the
/// candidate's <see cref="Candidate.UpdatedAt"/>, by which matching's index keeps the newest state.
/// Changed carries the periods the candidate's placements hold them (<see cref="CandidateOverlapCheck.BusyPeriodsAsync"/>)
/// and is also queued, stamped with the time of the change, when a placement of theirs starts or stops holding them
/// (<see cref="EnqueueBusyChangedAsync"/>), so matching stops suggesting a candidate the overlap rule would refuse.
/// Enums travel as their C# names ("InsuredUnemployed"); the case reference never travels.
/// </summary>
public static class CandidateEvents
{
    public static void EnqueueRegistered(CrmDbContext db, Candidate candidate)
        => db.Enqueue(candidate.Id, new CandidateRegistered(
            candidate.Id, candidate.TargetGroup.ToString(), [.. candidate.SoughtOccupations], [.. candidate.Skills], candidate.EducationLevel.ToString(),
            candidate.Postcode, candidate.AvailableFrom, candidate.UpdatedAt), candidate.UpdatedAt);

    /// <summary>Changed, with the candidate's busy periods as saved.</summary>
    public static async Task EnqueueChangedAsync(CrmDbContext db, Candidate candidate, CancellationToken cancellationToken)
        => EnqueueChanged(db, candidate, (await db.BusyPeriodsAsync([candidate.Id], cancellationToken))[candidate.Id], candidate.UpdatedAt);

    /// <summary>Changed, with busy periods the caller read (e.g. for many candidates at once).</summary>
    public static void EnqueueChanged(CrmDbContext db, Candidate candidate, IEnumerable<DatePeriod> busy, DateTimeOffset asOf)
        => db.Enqueue(candidate.Id, new CandidateChanged(
            candidate.Id, candidate.TargetGroup.ToString(), [.. candidate.SoughtOccupations], [.. candidate.Skills], candidate.EducationLevel.ToString(),
            candidate.Postcode, candidate.AvailableFrom, asOf, BusyPeriods(busy)), asOf);

    /// <summary>
    /// Queues Changed for a placement's candidate with the busy periods as they will be once <paramref name="changed"/> (tracked,
    /// not yet saved) is saved. Nothing for a withdrawn candidate: matching has forgotten them, and a newer event would bring them back.
    /// </summary>
    public static async Task EnqueueBusyChangedAsync(CrmDbContext db, Placement changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == changed.CandidateId, cancellationToken);
        if (candidate.WithdrawnAt is not null)
        {
            return;
        }

        var others = await db.Placements.AsNoTracking()
            .Where(p => p.CandidateId == changed.CandidateId && p.Id != changed.Id)
            .Where(CandidateOverlapCheck.HoldsCandidate)
            .Select(p => new { Start = p.ActualStart ?? p.PlannedStart, p.PlannedEnd })
            .ToListAsync(cancellationToken);
        var busy = others.Select(p => new DatePeriod(p.Start, p.PlannedEnd)).ToList();
        if (CandidateOverlapCheck.Holds(changed))
        {
            busy.Add(CandidateOverlapCheck.HeldPeriod(changed));
        }

        // Never older than the candidate's own state: the index keeps the newest.
        EnqueueChanged(db, candidate, busy.OrderBy(p => p.Start), now > candidate.UpdatedAt ? now : candidate.UpdatedAt);
    }

    public static void EnqueueWithdrawn(CrmDbContext db, Candidate candidate)
        => db.Enqueue(candidate.Id, new CandidateWithdrawn(candidate.Id, candidate.WithdrawnAt ?? candidate.UpdatedAt), candidate.UpdatedAt);

    /// <summary>Busy periods as the contracts carry them.</summary>
    public static IReadOnlyList<BusyPeriod> BusyPeriods(IEnumerable<DatePeriod> busy) => [.. busy.Select(p => new BusyPeriod(p.Start, p.End))];
}
