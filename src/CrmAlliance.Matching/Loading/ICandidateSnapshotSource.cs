using CrmAlliance.Contracts.Snapshots;

namespace CrmAlliance.Matching.Loading;

/// <summary>
/// Every candidate in the pool (not withdrawn), with the time of its last change, read page by page.
/// The worker reads it over HTTP from the Api; the Api hosting matching in-process reads its own database.
/// </summary>
public interface ICandidateSnapshotSource
{
    IAsyncEnumerable<CandidateProfile> ReadAllAsync(CancellationToken cancellationToken);
}
