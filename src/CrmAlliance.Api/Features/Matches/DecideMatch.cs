using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Matches;

/// <param name="Purpose">Required for an internship: hiring, up-skilling or clarification.</param>
public sealed record AcceptMatchInput(Guid Id, int Version, DateOnly PlannedStart, DateOnly PlannedEnd, InternshipPurpose? Purpose = null, IReadOnlyList<RuleExemptionInput>? Exemptions = null);

public sealed record DismissMatchInput(Guid Id, int Version, string Reason);

/// <summary>
/// A consultant acts on a suggestion: accepting proposes a placement at the vacancy's workplace through
/// every rule of <see cref="ProposePlacementHandler"/>, in the same transaction; dismissing needs a reason.
/// </summary>
public sealed class DecideMatchHandler(CrmDbContext db, ProposePlacementHandler propose, TimeProvider clock)
{
    public const string DecidableRule = "MatchUndecided";

    public async Task<PlacementView> AcceptAsync(AcceptMatchInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        var match = await LoadUndecidedAsync(input.Id, input.Version, cancellationToken);
        var proposal = await ProposalAsync(match, input, cancellationToken);
        return await propose.HandleAsync(proposal, actor, placement => Decide(match, MatchStatus.Accepted, actor, placementId: placement.Id), cancellationToken);
    }

    /// <summary>
    /// What accepting would judge, rule by rule, without accepting: the same proposal through
    /// <see cref="ProposePlacementHandler.PreviewAsync"/>. Refused like accepting for a match already decided.
    /// </summary>
    public async Task<IReadOnlyList<ProposalCheck>> PreviewAcceptAsync(AcceptMatchInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        var match = await LoadUndecidedAsync(input.Id, input.Version, cancellationToken);
        return await propose.PreviewAsync(await ProposalAsync(match, input, cancellationToken), actor, cancellationToken);
    }

    /// <summary>The placement a match proposes: the candidate at the vacancy's workplace, of the vacancy's offer kind.</summary>
    private async Task<ProposePlacementInput> ProposalAsync(VacancyMatch match, AcceptMatchInput input, CancellationToken cancellationToken)
    {
        var vacancy = await db.Vacancies.AsNoTracking().Where(v => v.Id == match.VacancyId)
            .Select(v => new { v.CompanyId, v.WorkplaceId, v.OfferKind }).SingleAsync(cancellationToken);
        return new ProposePlacementInput(match.CandidateId, vacancy.CompanyId, vacancy.WorkplaceId, match.VacancyId, vacancy.OfferKind, input.Purpose, input.PlannedStart, input.PlannedEnd, input.Exemptions);
    }

    public async Task<MatchView> DismissAsync(DismissMatchInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        new Validator().Text(input.Reason, "reason", 500).ThrowIfInvalid();
        var match = await LoadUndecidedAsync(input.Id, input.Version, cancellationToken);
        Decide(match, MatchStatus.Dismissed, actor, reason: input.Reason.Trim());
        await db.SaveOrConflictAsync(RefusalText.Of("Matches.NotSaved"), cancellationToken);
        return MatchQueries.View(match);
    }

    private async Task<VacancyMatch> LoadUndecidedAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var match = await db.VacancyMatches.SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("Match", id, "input.id");
        SaveChangesExtensions.CheckVersion(match.Version, version);
        if (match.Status != MatchStatus.Suggested)
        {
            throw new RuleViolationException(DecidableRule, RefusalText.Of("Matches.NotSuggested", ("status", match.Status)));

        }

        return match;
    }

    private void Decide(VacancyMatch match, MatchStatus status, Actor actor, string? reason = null, Guid? placementId = null)
    {
        match.Status = status;
        match.DecidedAt = clock.GetUtcNow();
        match.DecidedBy = actor.UserId;
        match.DismissReason = reason;
        match.PlacementId = placementId;
        match.Version++;
    }
}
