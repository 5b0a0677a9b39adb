using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;

namespace CrmAlliance.Api.Features.Candidates;

/// <summary>
/// The candidate's events, queued in the outbox with the change: Registered when a candidate enters the
/// pool, Changed when their details change, Withdrawn when they leave it. Each is stamped with the
/// candidate's <see cref="Candidate.UpdatedAt"/>, by which matching's index keeps the newest state.
/// Enums travel as their C# names ("InsuredUnemployed"); the case reference never travels.
/// </summary>
public static class CandidateEvents
{
    public static void EnqueueRegistered(CrmDbContext db, Candidate candidate)
        => db.Enqueue(candidate.Id, new CandidateRegistered(
            candidate.Id, candidate.TargetGroup.ToString(), [.. candidate.SoughtOccupations], [.. candidate.Skills], candidate.EducationLevel.ToString(),
            candidate.Postcode, candidate.AvailableFrom, candidate.UpdatedAt), candidate.UpdatedAt);

    public static void EnqueueChanged(CrmDbContext db, Candidate candidate)
        => db.Enqueue(candidate.Id, new CandidateChanged(
            candidate.Id, candidate.TargetGroup.ToString(), [.. candidate.SoughtOccupations], [.. candidate.Skills], candidate.EducationLevel.ToString(),
            candidate.Postcode, candidate.AvailableFrom, candidate.UpdatedAt), candidate.UpdatedAt);

    public static void EnqueueWithdrawn(CrmDbContext db, Candidate candidate)
        => db.Enqueue(candidate.Id, new CandidateWithdrawn(candidate.Id, candidate.WithdrawnAt ?? candidate.UpdatedAt), candidate.UpdatedAt);
}
