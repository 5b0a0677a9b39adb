using System.Collections.Concurrent;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// Each company's last active month up to a month (the dormant list's "last active"), kept in memory like
/// <see cref="YieldMemberTotals"/>: after a change to the read model only the companies the change log names are
/// read again, instead of the month cells of every dormant member after every event.
/// </summary>
public sealed class YieldLastActiveMonths
{
    private const int MaximumEntries = 16;

    private readonly ConcurrentDictionary<int, Entry> entries = new();

    /// <summary>The last active month (yyyymm) up to <paramref name="throughMonth"/> of each company that has one.</summary>
    public async Task<Dictionary<Guid, int>> OfAsync(CrmDbContext db, YieldCellReader reader, IReadOnlyCollection<Guid> companyIds, int throughMonth, CancellationToken cancellationToken)
    {
        var entry = entries.GetOrAdd(throughMonth, _ => new Entry());
        entry.LastUsed = Environment.TickCount64;
        while (entries.Count > MaximumEntries)
        {
            entries.TryRemove(entries.MinBy(e => e.Value.LastUsed).Key, out _);
        }

        await entry.Lock.WaitAsync(cancellationToken);
        try
        {
            var stamp = await db.YieldState.AsNoTracking().Select(s => new { s.RebuiltAt, s.Version }).SingleOrDefaultAsync(cancellationToken);
            if (stamp is null)
            {
                return await reader.LastActiveMonthAsync(companyIds, throughMonth, cancellationToken);
            }

            if (entry.RebuiltAt != stamp.RebuiltAt || stamp.Version < entry.Version || stamp.Version - entry.Version > YieldChange.RetainedVersions / 2)
            {
                entry.Known.Clear();
            }
            else if (stamp.Version > entry.Version)
            {
                var changed = await db.YieldChanges.AsNoTracking().Where(c => c.Version > entry.Version).Select(c => c.CompanyId).Distinct().ToListAsync(cancellationToken);
                changed.ForEach(id => entry.Known.Remove(id));
            }

            (entry.RebuiltAt, entry.Version) = (stamp.RebuiltAt, stamp.Version);
            var unknown = companyIds.Where(id => !entry.Known.ContainsKey(id)).ToList();
            if (unknown.Count > 0)
            {
                var found = await reader.LastActiveMonthAsync(unknown, throughMonth, cancellationToken);
                unknown.ForEach(id => entry.Known[id] = found.TryGetValue(id, out var month) ? month : null);
            }

            return companyIds.Where(id => entry.Known[id] is not null).ToDictionary(id => id, id => entry.Known[id]!.Value);
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public long LastUsed { get; set; }

        public DateTimeOffset RebuiltAt { get; set; }

        public int Version { get; set; }

        /// <summary>Company → last active month, or null when it has none up to the month.</summary>
        public Dictionary<Guid, int?> Known { get; } = [];
    }
}
