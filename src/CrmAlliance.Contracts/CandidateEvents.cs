namespace CrmAlliance.Contracts;

/// <summary>
/// A candidate entered the pool. Pseudonymous: no case reference and never a CPR number, only what
/// matching scores on.
/// </summary>
public sealed record CandidateRegistered(
    Guid CandidateId,
    string TargetGroup,
    IReadOnlyList<string> SoughtOccupations,
    IReadOnlyList<string> Skills,
    string EducationLevel,
    string Postcode,
    DateOnly AvailableFrom,
    DateTimeOffset RegisteredAt);

/// <summary>
/// A candidate's matching attributes changed, or the periods their placements hold them (<see cref="BusyPeriods"/>: sent
/// again whenever a placement of theirs is proposed, started, ended or cancelled; null from a sender that predates it).
/// </summary>
public sealed record CandidateChanged(
    Guid CandidateId,
    string TargetGroup,
    IReadOnlyList<string> SoughtOccupations,
    IReadOnlyList<string> Skills,
    string EducationLevel,
    string Postcode,
    DateOnly AvailableFrom,
    DateTimeOffset ChangedAt,
    IReadOnlyList<Snapshots.BusyPeriod>? BusyPeriods = null);

/// <summary>A candidate left the pool (e.g. found work on their own); matching forgets them.</summary>
public sealed record CandidateWithdrawn(Guid CandidateId, DateTimeOffset WithdrawnAt);
