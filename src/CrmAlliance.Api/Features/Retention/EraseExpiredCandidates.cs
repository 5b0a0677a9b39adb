using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Retention;

/// <summary>What a run found and did. <see cref="Due"/> names candidates only by their id and anonymous key, never by personal values.</summary>
public sealed record RetentionRunResult(DateOnly DueThrough, bool DryRun, IReadOnlyList<DueCandidate> Due, int Erased, int Skipped);

/// <summary>A candidate due for erasure, as a dry run lists it: the database id and the key their reference will become.</summary>
public sealed record DueCandidate(Guid Id, string AnonymousKey);

/// <summary>
/// The daily job's work, also run by <c>erase-expired</c>: finds the candidates due (<see cref="ExpiredCandidates"/>) and
/// erases each in its own transaction (<see cref="CandidateEraser"/>), then records the run. A dry run only lists them.
/// Two replicas may run it at once: each candidate is erased by one of them, the other counts it as skipped.
/// </summary>
public sealed class EraseExpiredCandidatesHandler(CrmDbContext db, CandidateEraser eraser, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public async Task<RetentionRunResult> RunAsync(string triggeredBy, bool dryRun, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var dueThrough = ExpiredCandidates.DueThrough(DanishCalendar.DateOf(startedAt), options.Value.CandidateYears);
        var ids = await ExpiredCandidates.Due(db, dueThrough).AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var due = ids.Select(id => new DueCandidate(id, CandidateValidation.AnonymousKey(id))).ToList();
        if (dryRun)
        {
            return new(dueThrough, true, due, 0, 0);
        }

        var erased = 0;
        foreach (var id in ids)
        {
            // Each candidate commits on its own: Ctrl+C or a crash between two leaves whole erasures only.
            cancellationToken.ThrowIfCancellationRequested();
            if (await eraser.EraseAsync(id, dueThrough, clock.GetUtcNow(), cancellationToken))
            {
                erased++;
            }
        }

        db.ChangeTracker.Clear();
        db.RetentionRuns.Add(new RetentionRun
        {
            StartedAt = startedAt,
            FinishedAt = clock.GetUtcNow(),
            TriggeredBy = triggeredBy.Length > 200 ? triggeredBy[..200] : triggeredBy,
            DueThrough = dueThrough,
            CandidatesErased = erased,
            CandidatesSkipped = ids.Count - erased,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new(dueThrough, false, due, erased, ids.Count - erased);
    }
}
