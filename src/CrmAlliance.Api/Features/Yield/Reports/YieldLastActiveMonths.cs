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

    /// <summary>More changed companies than this and everything is forgotten (the day clock touches most).</summary>
    private const int MaximumPatch = 5_000;

    private readonly YieldKeptEntries<int, Entry> entries = new(MaximumEntries);

    /// <summary>The last active month (yyyymm) up to <paramref name="throughMonth"/> of each company that has one.</summary>
    public Task<Dictionary<Guid, int>> OfAsync(CrmDbContext db, YieldCellReader reader, IReadOnlyCollection<Guid> companyIds, int throughMonth, CancellationToken cancellationToken)
        => entries.WithAsync(throughMonth, entry => OfAsync(entry, db, reader, companyIds, throughMonth, cancellationToken), cancellationToken);

    private static async Task<Dictionary<Guid, int>> OfAsync(Entry entry, CrmDbContext db, YieldCellReader reader, IReadOnlyCollection<Guid> companyIds, int throughMonth, CancellationToken cancellationToken)
    {
        var stamp = await YieldStamp.ReadAsync(db, cancellationToken);
        if (stamp is not { } now)
        {
            return await reader.LastActiveMonthAsync(companyIds, throughMonth, cancellationToken);
        }

        if (now != entry.Stamp)
        {
            var changed = now.CanPatchFrom(entry.Stamp) ? await YieldChangeLog.ChangedAfterAsync(db, entry.Stamp.Version, MaximumPatch, cancellationToken) : null;
            if (changed is null || changed.Count > MaximumPatch)
            {
                entry.Known.Clear();
            }
            else
            {
                changed.ForEach(id => entry.Known.Remove(id));
            }

            entry.Stamp = now;
        }

        var unknown = companyIds.Where(id => !entry.Known.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            var found = await reader.LastActiveMonthAsync(unknown, throughMonth, cancellationToken);
            unknown.ForEach(id => entry.Known[id] = found.TryGetValue(id, out var month) ? month : null);
        }

        return companyIds.Where(id => entry.Known[id] is not null).ToDictionary(id => id, id => entry.Known[id]!.Value);
    }

    private sealed class Entry
    {
        public YieldStamp Stamp { get; set; }

        /// <summary>Company → last active month, or null when it has none up to the month.</summary>
        public Dictionary<Guid, int?> Known { get; } = [];
    }
}
