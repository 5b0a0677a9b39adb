using System.Collections.Concurrent;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// What a process keeps in memory per key (a period, a slice, a range) and brings up to date from the change log
/// (<see cref="YieldMemberTotals"/>, <see cref="YieldLastActiveMonths"/>, <see cref="YieldKeptPledges"/>): at most
/// <c>maximum</c> keys, the least recently used going first, each worked on by one request at a time.
/// </summary>
public sealed class YieldKeptEntries<TKey, TEntry>(int maximum)
    where TKey : notnull
    where TEntry : new()
{
    private readonly ConcurrentDictionary<TKey, Kept> entries = new();

    /// <summary>Runs <paramref name="work"/> on the key's entry (made when missing) while no other request does.</summary>
    public async Task<T> WithAsync<T>(TKey key, Func<TEntry, Task<T>> work, CancellationToken cancellationToken)
    {
        var kept = entries.GetOrAdd(key, _ => new Kept());
        kept.LastUsed = Environment.TickCount64;
        while (entries.Count > maximum)
        {
            entries.TryRemove(entries.MinBy(e => e.Value.LastUsed).Key, out _);
        }

        await kept.Lock.WaitAsync(cancellationToken);
        try
        {
            return await work(kept.Entry);
        }
        finally
        {
            kept.Lock.Release();
        }
    }

    /// <summary>The key's entry without waiting or making one (null when none): for reading what is known.</summary>
    public TEntry? Peek(TKey key) => entries.TryGetValue(key, out var kept) ? kept.Entry : default;

    private sealed class Kept
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public long LastUsed { get; set; }

        public TEntry Entry { get; } = new();
    }
}
