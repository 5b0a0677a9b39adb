using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Candidates;

public sealed record WithdrawCandidateInput(Guid Id, int Version, string Reason);

/// <summary>
/// A consultant takes a candidate out of the pool (found work on their own, moved away, …). The record
/// stays for the placements it is part of; candidate lists hide it by default and matching forgets it.
/// </summary>
public sealed class WithdrawCandidateHandler(CrmDbContext db, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>Refuses anyone but Consultants; pages ask it before they offer the withdrawal.</summary>
    public static void RequireWithdrawer(Actor actor) => actor.Require(Role.Consultant);

    public async Task<CandidateView> HandleAsync(WithdrawCandidateInput input, Actor actor, CancellationToken cancellationToken)
    {
        RequireWithdrawer(actor);
        new Validator().Text(input.Reason, "reason", MaxReasonLength).ThrowIfInvalid();
        var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.Id == input.Id, cancellationToken)
            ?? throw new NotFoundException("Candidate", input.Id, "input.id");
        SaveChangesExtensions.CheckVersion(candidate.Version, input.Version);
        CandidateActiveRule.Enforce(candidate, CandidateActiveRule.Refused.WithdrawAgain, "input.id");

        var now = clock.GetUtcNow();
        candidate.WithdrawnAt = now;
        candidate.WithdrawalReason = input.Reason.Trim();
        candidate.UpdatedAt = now;
        candidate.Version++;
        CandidateEvents.EnqueueWithdrawn(db, candidate);
        await db.SaveOrConflictAsync(RefusalText.Of("Candidates.NotWithdrawn"), cancellationToken);
        return candidate.ToView();
    }
}
