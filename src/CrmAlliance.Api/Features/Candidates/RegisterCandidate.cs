using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Candidates;

public sealed record RegisterCandidateInput(
    string CaseReference,
    TargetGroup TargetGroup,
    IReadOnlyList<string> SoughtOccupations,
    EducationLevel EducationLevel,
    bool HasWorkExperience,
    string Postcode,
    DateOnly AvailableFrom,
    IReadOnlyList<string>? Skills = null,
    string? LastEmployerCvr = null) : ICandidateDetails;

/// <summary>A consultant adds a citizen to the candidate pool under the case system's reference.</summary>
public sealed class RegisterCandidateHandler(CrmDbContext db, ReferenceCatalog catalog, TimeProvider clock)
{
    /// <summary>Refuses anyone but Consultants; pages ask it before they offer the form.</summary>
    public static void RequireRegistrar(Actor actor) => actor.Require(Role.Consultant);

    public async Task<CandidateView> HandleAsync(RegisterCandidateInput input, Actor actor, CancellationToken cancellationToken)
    {
        RequireRegistrar(actor);
        var details = CandidateValidation.Check(input, catalog);
        if (await db.Candidates.AnyAsync(c => c.CaseReference == details.CaseReference, cancellationToken))
        {
            throw new ConflictException(RefusalText.Of("Candidates.CaseReferenceRegistered"), "input.caseReference");

        }

        var now = clock.GetUtcNow();
        var candidate = new Candidate { CaseReference = "", DisplayAlias = "", Postcode = "", CreatedAt = now, UpdatedAt = now };
        CandidateValidation.Apply(candidate, input, details);
        await CandidateAliases.AssignAsync(db, [candidate], cancellationToken);
        db.Candidates.Add(candidate);
        CandidateEvents.EnqueueRegistered(db, candidate);
        await db.SaveOrConflictAsync(RefusalText.Of("Candidates.CaseReferenceRegistered"), cancellationToken);
        return candidate.ToView();
    }
}
