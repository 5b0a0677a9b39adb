namespace CrmAlliance.Contracts.Snapshots;

/// <summary>One page of the snapshot as the Api serves it; <see cref="Next"/> is null on the last page.</summary>
public sealed record CandidateSnapshotPage(IReadOnlyList<CandidateProfile> Items, Guid? Next);
