using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>The members of a period and their totals in a slice, as of one version of the read model. Never changed once made.</summary>
public sealed record YieldMemberTotalsSnapshot(
    YieldStamp Stamp,
    IReadOnlyDictionary<Guid, YieldCompany> Members,
    IReadOnlyDictionary<Guid, YieldTotals> Totals);

/// <summary>
/// Every member's totals for a period and slice, kept in memory and kept current: after a change to the read model
/// only the companies the change log names (<see cref="YieldChange"/>, written in the projection's own save) are
/// read again, so a report over all 5,000 members costs a look-up of the log and a few rows, not a read of every
/// member after every event. Read afresh when the read model was rebuilt, when this process is too far behind the
/// log, or when most members changed (the day clock). Shared by the requests of this process; each replica keeps
/// its own and reads the same database, so all answer alike.
/// </summary>
public sealed class YieldMemberTotals
{
    /// <summary>Periods and slices kept; the least recently used goes first.</summary>
    public const int MaximumEntries = 32;

    /// <summary>More changed companies than this and everything is read afresh (one query is then cheaper).</summary>
    public const int MaximumPatch = 1_000;

    private readonly YieldKeptEntries<string, Entry> entries = new(MaximumEntries);

    /// <summary>Every member's totals as of the read model's current version (or a newer one).</summary>
    public Task<YieldMemberTotalsSnapshot> CurrentAsync(CrmDbContext db, YieldCellReader reader, ReportPeriod period, YieldSlice slice, CancellationToken cancellationToken)
        => entries.WithAsync(KeyOf(period, slice), entry => BringUpToDateAsync(entry, db, reader, period, slice, cancellationToken), cancellationToken);

    /// <summary>
    /// The members ranked as of the read model's current version. The ranking is kept with the totals: when they are
    /// patched, so is it (<see cref="YieldRanking.With"/>: the changed companies re-scored and re-placed); it is
    /// ranked afresh only when the totals were read afresh.
    /// </summary>
    public Task<YieldRanking> RankingAsync(CrmDbContext db, YieldCellReader reader, ReportPeriod period, YieldSlice slice, YieldOptions options, CancellationToken cancellationToken)
        => entries.WithAsync(
            KeyOf(period, slice),
            async entry =>
            {
                var snapshot = await BringUpToDateAsync(entry, db, reader, period, slice, cancellationToken);
                if (entry.Ranking is { } kept && ReferenceEquals(kept.Snapshot, snapshot))
                {
                    return kept;
                }

                var ranking = YieldRanking.Rank(snapshot, options);
                if (ReferenceEquals(entry.Snapshot, snapshot))
                {
                    entry.Ranking = ranking;
                }

                return ranking;
            },
            cancellationToken);

    /// <summary>Called under the entry's lock: the snapshot at the current stamp, patched or read afresh, with the kept ranking patched alike.</summary>
    private static async Task<YieldMemberTotalsSnapshot> BringUpToDateAsync(Entry entry, CrmDbContext db, YieldCellReader reader, ReportPeriod period, YieldSlice slice, CancellationToken cancellationToken)
    {
        // Read before the rows: rows newer than the stamp may be kept under it, never older rows under a newer one.
        var stamp = await YieldStamp.ReadAsync(db, cancellationToken);
        var known = entry.Snapshot;
        if (stamp is not { } now)
        {
            return await ReadAllAsync(db, reader, period, slice, default, cancellationToken);
        }

        if (known is not null && known.Stamp == now)
        {
            return known;
        }

        var patched = known is not null && now.CanPatchFrom(known.Stamp)
            ? await PatchAsync(db, reader, period, slice, known, now, cancellationToken)
            : null;
        if (patched is { } patch)
        {
            entry.Ranking = entry.Ranking is { } ranking && ReferenceEquals(ranking.Snapshot, known) ? ranking.With(patch.Snapshot, patch.Changed) : null;
            entry.Snapshot = patch.Snapshot;
        }
        else
        {
            entry.Ranking = null;
            entry.Snapshot = await ReadAllAsync(db, reader, period, slice, now, cancellationToken);
        }

        return entry.Snapshot;
    }

    /// <summary>The snapshot this process holds for the period and slice, without reading anything (null when none): what a visit would start from.</summary>
    public YieldMemberTotalsSnapshot? Known(ReportPeriod period, YieldSlice slice)
        => entries.Peek(KeyOf(period, slice))?.Snapshot;

    private static string KeyOf(ReportPeriod period, YieldSlice slice) => $"{period.Label}|{slice.OfferKindKey}|{slice.TargetGroupKey}";

    private static async Task<YieldMemberTotalsSnapshot> ReadAllAsync(
        CrmDbContext db, YieldCellReader reader, ReportPeriod period, YieldSlice slice, YieldStamp stamp, CancellationToken cancellationToken)
    {
        var members = await db.YieldCompanies.AsNoTracking().Where(YieldMembers.Of(period)).ToDictionaryAsync(c => c.CompanyId, cancellationToken);
        var totals = await reader.ByCompanyAsync(period, slice.OfferKindKey, slice.TargetGroupKey, cancellationToken);
        return new YieldMemberTotalsSnapshot(stamp, members, totals);
    }

    /// <summary>The known snapshot with the changed companies read again; null when so many changed that reading all is cheaper.</summary>
    private static async Task<(YieldMemberTotalsSnapshot Snapshot, IReadOnlyCollection<Guid> Changed)?> PatchAsync(
        CrmDbContext db, YieldCellReader reader, ReportPeriod period, YieldSlice slice, YieldMemberTotalsSnapshot known, YieldStamp stamp, CancellationToken cancellationToken)
    {
        var changed = await YieldChangeLog.ChangedAfterAsync(db, known.Stamp.Version, MaximumPatch, cancellationToken);
        if (changed.Count > MaximumPatch)
        {
            return null;
        }

        var members = new Dictionary<Guid, YieldCompany>(known.Members);
        var totals = new Dictionary<Guid, YieldTotals>(known.Totals);
        if (changed.Count > 0)
        {
            var freshMembers = await db.YieldCompanies.AsNoTracking().Where(c => changed.Contains(c.CompanyId)).Where(YieldMembers.Of(period)).ToDictionaryAsync(c => c.CompanyId, cancellationToken);
            var freshTotals = await reader.ByCompanyAsync(period, slice.OfferKindKey, slice.TargetGroupKey, changed, cancellationToken);
            foreach (var companyId in changed)
            {
                Replace(members, companyId, freshMembers.GetValueOrDefault(companyId));
                Replace(totals, companyId, freshTotals.GetValueOrDefault(companyId));
            }
        }

        return (new YieldMemberTotalsSnapshot(stamp, members, totals), changed);
    }

    private static void Replace<T>(Dictionary<Guid, T> values, Guid key, T? value)
        where T : class
    {
        if (value is null)
        {
            values.Remove(key);
        }
        else
        {
            values[key] = value;
        }
    }

    private sealed class Entry
    {
        public YieldMemberTotalsSnapshot? Snapshot { get; set; }

        /// <summary>The ranking of <see cref="Snapshot"/> once asked for (null until then, and after a full read).</summary>
        public YieldRanking? Ranking { get; set; }
    }
}
