using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.Extensions.Caching.Memory;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// Keeps the reports that read every member (the ranking behind yieldRanking and partnerYield's positions, the
/// alliance summary) for as long as the read model is unchanged. The read model's stamp — when it was rebuilt and
/// its <see cref="ReadModel.YieldState.Version"/>, which the projector raises with every change — is part of each
/// key, so any event, clock tick or rebuild (also one run by another process) makes the next request compute
/// afresh. Cached values are shared between requests and must not be changed by their readers.
/// </summary>
public sealed class YieldReportCache : IDisposable
{
    /// <summary>Entries kept at most: a ranking of 5,000 members takes a few MB.</summary>
    public const int MaximumEntries = 32;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaximumEntries });

    /// <summary>The value for <paramref name="key"/> at the read model's current stamp, computed when missing.</summary>
    public async Task<T> GetOrComputeAsync<T>(CrmDbContext db, string key, Func<Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        // Read before computing: data newer than the stamp may be cached under it, never older data under a newer one.
        if (await YieldStamp.ReadAsync(db, cancellationToken) is not { } stamp)
        {
            return await compute();
        }

        var entryKey = (typeof(T), key, stamp);
        if (cache.TryGetValue(entryKey, out T? cached) && cached is not null)
        {
            return cached;
        }

        var value = await compute();
        cache.Set(entryKey, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return value;
    }

    public void Dispose() => cache.Dispose();
}
