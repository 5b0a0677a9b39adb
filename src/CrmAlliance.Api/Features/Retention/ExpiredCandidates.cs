using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Retention;

/// <summary>
/// Which candidates the retention period has run out for: not erased yet, withdrawn or with a placement that ended,
/// no placement proposed, approved or running, and the later of the withdrawal and the last placement's end on or before
/// <c>dueThrough</c> (today minus <see cref="RetentionOptions.CandidateYears"/>). A placement cancelled before it started
/// has no actual end: its planned end counts, which is after the cancellation. The one definition, used to list them and
/// again inside each candidate's erasure.
/// </summary>
public static class ExpiredCandidates
{
    /// <summary>The last day whose withdrawals and placement ends are due on <paramref name="today"/>.</summary>
    public static DateOnly DueThrough(DateOnly today, int years) => today.AddYears(-years);

    public static IQueryable<Candidate> Due(CrmDbContext db, DateOnly dueThrough)
    {
        var withdrawnBefore = DanishCalendar.StartOf(dueThrough.AddDays(1));
        return db.Candidates.Where(c => c.ErasedAt == null
            && (c.WithdrawnAt != null || db.Placements.Any(p => p.CandidateId == c.Id))
            && (c.WithdrawnAt == null || c.WithdrawnAt < withdrawnBefore)
            && !db.Placements.Any(p => p.CandidateId == c.Id
                && ((p.Status != PlacementStatus.Completed && p.Status != PlacementStatus.EndedEarly) || (p.ActualEnd ?? p.PlannedEnd) > dueThrough)));
    }
}
