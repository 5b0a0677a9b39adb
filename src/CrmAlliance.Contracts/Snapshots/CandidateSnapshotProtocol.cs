namespace CrmAlliance.Contracts.Snapshots;

/// <summary>
/// The Api's <c>GET /matching/candidate-snapshot?after=&amp;limit=</c> as both sides use it: the header
/// that carries the shared key, and the page size the worker asks for (and the Api serves by default).
/// </summary>
public static class CandidateSnapshotProtocol
{
    public const string KeyHeader = "X-Matching-Key";
    public const int PageSize = 5000;
}
