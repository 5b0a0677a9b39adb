using System.Runtime.CompilerServices;
using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.Matching.Loading;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Matching.Worker;

/// <summary>
/// The worker's way to load its index: reads the snapshot from the Api's <c>GET /matching/candidate-snapshot?after=&amp;limit=</c>, which
/// answers only to the shared key in the <c>X-Matching-Key</c> header.
/// </summary>
public sealed class HttpCandidateSnapshotSource(HttpClient http, IOptions<MatchingServiceOptions> options) : ICandidateSnapshotSource
{
    public async IAsyncEnumerable<CandidateProfile> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.SnapshotUrl is null || string.IsNullOrEmpty(settings.SnapshotKey))
        {
            throw new InvalidOperationException("Matching:SnapshotUrl and Matching:SnapshotKey must be set for the worker to load its candidate index.");
        }

        Guid? after = null;
        do
        {
            var url = new Uri(settings.SnapshotUrl, $"?limit={CandidateSnapshotProtocol.PageSize}" + (after is { } a ? $"&after={a}" : ""));
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add(CandidateSnapshotProtocol.KeyHeader, settings.SnapshotKey);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<CandidateSnapshotPage>(cancellationToken)
                ?? throw new InvalidOperationException("The Api answered the snapshot request with an empty body.");
            foreach (var candidate in page.Items)
            {
                yield return candidate;
            }

            after = page.Next;
        }
        while (after is not null);
    }
}
