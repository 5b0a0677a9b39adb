using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// The whole alliance's pledge facts overlapping a range of days, kept in memory and kept current from the change
/// log like <see cref="YieldMemberTotals"/>: a pledge's change logs its companies (old and new), so only their facts
/// are read again. Reading every pledge through EF after each event was 60 % of the alliance summary's time under a
/// stream of events (issue 13's profile); the pro-rating stays exact, done on every read from the facts.
/// </summary>
public sealed class YieldKeptPledges
{
    /// <summary>Ranges kept; the least recently used goes first.</summary>
    public const int MaximumEntries = 16;

    /// <summary>More changed companies than this and the range is read afresh (one query is then cheaper).</summary>
    public const int MaximumPatch = 1_000;

    private readonly YieldKeptEntries<(DateOnly First, DateOnly Last), Entry> entries = new(MaximumEntries);

    /// <summary>Every pledge fact overlapping <paramref name="first"/>–<paramref name="last"/> as of the current version (or a newer one). Never changed once returned.</summary>
    public Task<IReadOnlyList<YieldPledgeFact>> OverlappingAsync(CrmDbContext db, DateOnly first, DateOnly last, CancellationToken cancellationToken)
        => entries.WithAsync((first, last), entry => BringUpToDateAsync(entry, db, first, last, cancellationToken), cancellationToken);

    private static async Task<IReadOnlyList<YieldPledgeFact>> BringUpToDateAsync(Entry entry, CrmDbContext db, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        // Read before the rows: rows newer than the stamp may be kept under it, never older rows under a newer one.
        var stamp = await YieldStamp.ReadAsync(db, cancellationToken);
        if (stamp is not { } now)
        {
            return await Overlapping(db, first, last).ToListAsync(cancellationToken);
        }

        if (entry.Facts is not null && entry.Stamp == now)
        {
            return entry.Facts;
        }

        var changed = entry.Facts is not null && now.CanPatchFrom(entry.Stamp)
            ? await YieldChangeLog.ChangedAfterAsync(db, entry.Stamp.Version, MaximumPatch, cancellationToken)
            : null;
        entry.Facts = changed is null || changed.Count > MaximumPatch
            ? await Overlapping(db, first, last).ToListAsync(cancellationToken)
            : await PatchAsync(db, entry.Facts!, changed, first, last, cancellationToken);
        entry.Stamp = now;
        return entry.Facts;
    }

    private static async Task<IReadOnlyList<YieldPledgeFact>> PatchAsync(
        CrmDbContext db, IReadOnlyList<YieldPledgeFact> known, List<Guid> changed, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return known;
        }

        var fresh = await Overlapping(db, first, last).Where(f => changed.Contains(f.CompanyId)).ToListAsync(cancellationToken);
        var changedSet = changed.ToHashSet();
        return [.. known.Where(f => !changedSet.Contains(f.CompanyId)), .. fresh];
    }

    private static IQueryable<YieldPledgeFact> Overlapping(CrmDbContext db, DateOnly first, DateOnly last)
        => db.YieldPledgeFacts.AsNoTracking().Where(f => f.PeriodStart <= last && f.PeriodEnd >= first);

    private sealed class Entry
    {
        public YieldStamp Stamp { get; set; }

        public IReadOnlyList<YieldPledgeFact>? Facts { get; set; }
    }
}
