namespace CrmAlliance.Contracts.Snapshots;

/// <summary>
/// What matching knows of a candidate: the fields of <c>CandidateRegistered</c>/<c>CandidateChanged</c>.
/// <paramref name="AsOf"/> is the event's time; the index keeps only the newest state per candidate.
/// Also a row of the candidate snapshot the Api serves to matching workers (<see cref="CandidateSnapshotPage"/>).
/// <paramref name="BusyPeriods"/>: the periods placements hold the candidate; null (from a sender that predates it) means none known.
/// </summary>
public sealed record CandidateProfile(
    Guid CandidateId,
    string TargetGroup,
    IReadOnlyList<string> SoughtOccupations,
    IReadOnlyList<string> Skills,
    string EducationLevel,
    string Postcode,
    DateOnly AvailableFrom,
    DateTimeOffset AsOf,
    IReadOnlyList<BusyPeriod>? BusyPeriods = null);
