using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;
using CrmAlliance.Contracts.Snapshots;

namespace CrmAlliance.Api.Features.Candidates;

/// <summary>
/// The candidate's events, queued in the outbox with the change: Registered when a candidate enters the
/// pool, Changed when their details change, Withdrawn when they leave it. Each is stamped with the
/// candidate's <see cref="Candidate.UpdatedAt"/>, by which matching's index keeps the newest state.
/// Changed carries the periods the candidate's placements hold them (<see cref="ICandidatePlacements.BusyPeriodsAsync"/>);
/// Placements queues it too, stamped with the time of the step, whenever a step changes them, so matching stops
/// suggesting a candidate the overlap rule would refuse.
/// Enums travel as their C# names ("InsuredUnemployed"); the case reference never travels.
/// </summary>
public static class CandidateEvents
{
    public static void EnqueueRegistered(CrmDbContext db, Candidate candidate)
        => db.Enqueue(candidate.Id, new CandidateRegistered(
            candidate.Id, candidate.TargetGroup.ToString(), [.. candidate.SoughtOccupations], [.. candidate.Skills], candidate.EducationLevel.ToString(),
            candidate.Postcode, candidate.AvailableFrom, candidate.UpdatedAt), candidate.UpdatedAt);

    /// <summary>Changed, with the candidate's busy periods as saved.</summary>
    public static async Task EnqueueChangedAsync(CrmDbContext db, Candidate candidate, ICandidatePlacements placements, CancellationToken cancellationToken)
        => EnqueueChanged(db, candidate, (await placements.BusyPeriodsAsync([candidate.Id], cancellationToken))[candidate.Id], candidate.UpdatedAt);

    /// <summary>
    /// Changed, with busy periods the caller read (for many candidates at once, or with a placement's unsaved change), stamped
    /// <paramref name="asOf"/>: the candidate's <see cref="Candidate.UpdatedAt"/>, or later for a placement's change.
    /// </summary>
    public static void EnqueueChanged(CrmDbContext db, Candidate candidate, IEnumerable<BusyPeriod> busy, DateTimeOffset asOf)
        => db.Enqueue(candidate.Id, new CandidateChanged(
            candidate.Id, candidate.TargetGroup.ToString(), [.. candidate.SoughtOccupations], [.. candidate.Skills], candidate.EducationLevel.ToString(),
            candidate.Postcode, candidate.AvailableFrom, asOf, [.. busy]), asOf);

    public static void EnqueueWithdrawn(CrmDbContext db, Candidate candidate)
        => db.Enqueue(candidate.Id, new CandidateWithdrawn(candidate.Id, candidate.WithdrawnAt ?? candidate.UpdatedAt), candidate.UpdatedAt);
}
