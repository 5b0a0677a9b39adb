namespace CrmAlliance.Api.Features.Candidates;

/// <summary>
/// A feature whose rules count candidates by their attributes (Placements: the ratio rule counts every target group but
/// the resource programme) judges a change of them before it is saved. Declared here, implemented there: Candidates
/// does not depend on Placements.
/// </summary>
public interface ICandidateChangeGuard
{
    /// <summary>Refuses (a CrmException naming <c>input.targetGroup</c>) when the candidate may not move to <paramref name="newGroup"/>.</summary>
    Task CheckTargetGroupChangeAsync(Candidate candidate, TargetGroup newGroup, CancellationToken cancellationToken);
}
