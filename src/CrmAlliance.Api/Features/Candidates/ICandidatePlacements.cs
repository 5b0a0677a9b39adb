using CrmAlliance.Api.Core;
using CrmAlliance.Contracts.Snapshots;

namespace CrmAlliance.Api.Features.Candidates;

/// <summary>
/// What Candidates needs to know of a candidate's placements. Declared here, implemented in Placements: Candidates does
/// not depend on Placements.
/// </summary>
public interface ICandidatePlacements
{
    /// <summary>
    /// Per candidate, the periods their placements hold them, by the overlap rule's definition, earliest first: what
    /// <see cref="CandidateEvents"/> tells matching. Candidates without any are left out.
    /// </summary>
    Task<ILookup<Guid, BusyPeriod>> BusyPeriodsAsync(IReadOnlyCollection<Guid> candidateIds, CancellationToken cancellationToken);

    /// <summary>The candidate's placements, newest first; for staff only, as candidates are.</summary>
    Task<IReadOnlyList<CandidatePlacement>> ListAsync(Guid candidateId, Actor actor, CancellationToken cancellationToken);
}

/// <summary>
/// One placement of a candidate, for their page: the days it ran where known, else the planned ones, and its
/// <see cref="Status"/> by the placement status's name ("Approved").
/// </summary>
public sealed record CandidatePlacement(Guid Id, string CompanyName, OfferKind OfferKind, DateOnly Start, DateOnly End, string Status);
