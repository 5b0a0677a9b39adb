using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Retention;

/// <summary>
/// Erases one candidate's personal attributes, all in one <c>SaveChanges</c> (one transaction: nothing is half erased
/// after a crash). Kept: the candidate's id, target group (a statistical category the yield figures are sliced by) and
/// the placements' and outcomes' dates, kinds, statuses and results, so every yield figure stays the same.
/// The one place that erases a candidate. The erasing save's own audit entries are written under the candidate's audit
/// key, which the same save removes (<see cref="AuditTrail.ForgetAsync"/>): every value the trail held about them is
/// shredded with it, while the entries themselves (who, when, which fields) and the hash chain stay.
/// </summary>
public sealed class CandidateEraser(CrmDbContext db, AuditTrail audit)
{
    /// <summary>What an erased candidate is shown as instead of the display alias.</summary>
    public const string ErasedAlias = "Slettet kandidat";

    /// <summary>What replaces erased free text that cannot be empty.</summary>
    public const string ErasedText = "Slettet";

    /// <summary>
    /// Erases the candidate if still due by <paramref name="dueThrough"/>; false when not (another replica erased them
    /// first, or a placement was proposed meanwhile). The stamp the placement rules take on the candidate's placements is
    /// taken first, so an erasure and a proposal that race cannot both commit.
    /// </summary>
    public async Task<bool> EraseAsync(Guid candidateId, DateOnly dueThrough, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await db.StampAsync(RuleStampScopes.CandidatePlacements, candidateId, cancellationToken);
        var candidate = await ExpiredCandidates.Due(db, dueThrough).SingleOrDefaultAsync(c => c.Id == candidateId, cancellationToken);
        if (candidate is null)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        EraseAttributes(candidate, now);
        await EraseNotesAsync(candidateId, cancellationToken);
        await RemoveSuggestionsAsync(candidateId, cancellationToken);
        await RemoveSentEventsAsync(candidateId, cancellationToken);
        await audit.ForgetAsync(candidateId, cancellationToken);

        // Matching forgets the candidate (each instance's index); the snapshot leaves erased candidates out.
        db.Enqueue(candidate.Id, new Contracts.CandidateWithdrawn(candidate.Id, now), now);
        try
        {
            await db.SaveOrConflictAsync(RefusalText.Of("Retention.CandidateNotErased"), cancellationToken);
            return true;
        }
        catch (ConflictException)
        {
            // Another replica's erasure, or a placement step, committed first on this candidate: judged again next run.
            return false;
        }
    }

    private static void EraseAttributes(Candidate candidate, DateTimeOffset now)
    {
        candidate.CaseReference = CandidateValidation.AnonymousKey(candidate.Id);
        candidate.DisplayAlias = ErasedAlias;
        candidate.SoughtOccupations = [];
        candidate.Skills = [];

        // Neutral values: the entity's defaults, which say nothing once ErasedAt is set.
        candidate.EducationLevel = default;
        candidate.HasWorkExperience = true;
        candidate.Postcode = "0000";
        candidate.AvailableFrom = default;
        candidate.LastEmployerCvr = null;
        candidate.WithdrawalReason = null;
        candidate.WithdrawnAt ??= now;
        candidate.ErasedAt = now;
        candidate.UpdatedAt = now;
        candidate.Version++;
    }

    /// <summary>Free text about the candidate on their placements: the end reason, the representative's comment, exemption reasons.</summary>
    private async Task EraseNotesAsync(Guid candidateId, CancellationToken cancellationToken)
    {
        var placements = await db.Placements.Include(p => p.Exemptions).Where(p => p.CandidateId == candidateId).ToListAsync(cancellationToken);
        foreach (var placement in placements)
        {
            placement.EndReason = placement.EndReason is null ? null : ErasedText;
            if (placement.EmployeeRepStatement is { } statement)
            {
                statement.Comment = null;
            }

            foreach (var exemption in placement.Exemptions)
            {
                exemption.Reason = ErasedText;
            }

            placement.Version++;
        }
    }

    /// <summary>
    /// Suggestions nobody acted on go; decided ones stay as the consultants' work record, without matching's explanation
    /// (it names the candidate's postcode, distance and skills) or the dismissal reason.
    /// </summary>
    private async Task RemoveSuggestionsAsync(Guid candidateId, CancellationToken cancellationToken)
    {
        var matches = await db.VacancyMatches.Where(m => m.CandidateId == candidateId).ToListAsync(cancellationToken);
        foreach (var match in matches)
        {
            if (match.Status is MatchStatus.Suggested or MatchStatus.Superseded)
            {
                db.VacancyMatches.Remove(match);
                continue;
            }

            match.Explanation = "";
            match.Reasons = null;
            match.DismissReason = match.DismissReason is null ? null : ErasedText;
            match.Version++;
        }
    }

    /// <summary>
    /// Published candidate events carry the attributes (skills, postcode, …); sent ones are normally deleted after
    /// <c>Outbox:Retention</c> already, and any left are deleted now. Unsent ones are left to the dispatcher.
    /// </summary>
    private async Task RemoveSentEventsAsync(Guid candidateId, CancellationToken cancellationToken)
        => db.OutboxMessages.RemoveRange(await db.OutboxMessages.Where(m => m.AggregateId == candidateId && m.SentAt != null).ToListAsync(cancellationToken));
}
