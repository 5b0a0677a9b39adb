using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Candidates;

public sealed record UpdateCandidateInput(
    Guid Id,
    int Version,
    string CaseReference,
    TargetGroup TargetGroup,
    IReadOnlyList<string> SoughtOccupations,
    EducationLevel EducationLevel,
    bool HasWorkExperience,
    string Postcode,
    DateOnly AvailableFrom,
    IReadOnlyList<string>? Skills = null,
    string? LastEmployerCvr = null) : ICandidateDetails;

/// <summary>A consultant keeps a candidate's details current; the display alias never changes, a withdrawn candidate is not changed.</summary>
public sealed class UpdateCandidateHandler(CrmDbContext db, ReferenceCatalog catalog, IEnumerable<ICandidateChangeGuard> guards, ICandidatePlacements placements, TimeProvider clock)
{
    /// <summary>Refuses anyone but Consultants; pages ask it before they offer the form.</summary>
    public static void RequireEditor(Actor actor) => actor.Require(Role.Consultant);

    public Task<CandidateView> HandleAsync(UpdateCandidateInput input, Actor actor, CancellationToken cancellationToken)
        => db.RetryRacesAsync(() => HandleOnceAsync(input, actor, cancellationToken));

    private async Task<CandidateView> HandleOnceAsync(UpdateCandidateInput input, Actor actor, CancellationToken cancellationToken)
    {
        RequireEditor(actor);
        var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.Id == input.Id, cancellationToken)
            ?? throw new NotFoundException("Candidate", input.Id, "input.id");
        var details = CandidateValidation.Check(input, catalog);
        SaveChangesExtensions.CheckVersion(candidate.Version, input.Version);
        CandidateActiveRule.Enforce(candidate, CandidateActiveRule.Refused.Change, "input.id");
        if (await db.Candidates.AnyAsync(c => c.CaseReference == details.CaseReference && c.Id != input.Id, cancellationToken))
        {
            throw new ConflictException(RefusalText.Of("Candidates.CaseReferenceTaken"), "input.caseReference");

        }

        if (input.TargetGroup != candidate.TargetGroup)
        {
            foreach (var guard in guards)
            {
                await guard.CheckTargetGroupChangeAsync(candidate, input.TargetGroup, cancellationToken);
            }
        }

        CandidateValidation.Apply(candidate, input, details);
        candidate.Version++;
        candidate.UpdatedAt = clock.GetUtcNow();
        await CandidateEvents.EnqueueChangedAsync(db, candidate, placements, cancellationToken);
        await db.SaveOrConflictAsync(RefusalText.Of("Candidates.CaseReferenceTaken"), cancellationToken);
        return candidate.ToView();
    }
}
