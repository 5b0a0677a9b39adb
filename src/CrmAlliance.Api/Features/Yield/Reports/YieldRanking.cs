using System.Collections;
using System.Collections.Immutable;
using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>A member scored for a ranking: what the ranking sorts and groups by. Never changed once made.</summary>
public sealed class YieldRankEntry(YieldCompany source, YieldCompanyView company, YieldFigures figures, double score)
{
    public YieldCompany Source { get; } = source;

    public YieldCompanyView Company { get; } = company;

    public YieldFigures Figures { get; } = figures;

    public double Score { get; } = score;

    /// <summary>Set only on look-up keys: sorts before (-1) or after (+1) every member with the same score.</summary>
    internal int ScoreEdge { get; private init; }

    public static YieldRankEntry Scored(YieldCompany member, YieldTotals? totals, YieldOptions options)
    {
        var figures = new YieldFigures(totals ?? new YieldTotals(), options);
        return new(member, YieldCompanyView.From(member, options), figures, figures.Score(member.OrdinaryEmployees));
    }

    internal static YieldRankEntry Edge(double score, int edge) => new(null!, null!, null!, score) { ScoreEdge = edge };
}

/// <summary>
/// Every member of a period ranked by yield score for a slice, as of one snapshot of the members' totals: highest
/// score first, equal scores by name (ordinal) and id. Kept in balanced search trees that count their nodes (the
/// alliance, each industry section, each size band), so after a change to a few companies the next version is
/// made by taking those companies out and putting them back re-scored (<see cref="With"/>), O(log n) each, sharing
/// everything else with this one; and a member's rank, percentile and the group's median are read from the trees
/// when asked (O(log n)), never written for all members. Never changed once made, so requests share it freely.
/// </summary>
public sealed class YieldRanking : IReadOnlyList<RankedCompany>
{
    public const string AllianceGroup = "Alliance";

    private static readonly IComparer<YieldRankEntry> Order = Comparer<YieldRankEntry>.Create(Compare);

    private readonly YieldOptions options;
    private readonly ImmutableSortedSet<YieldRankEntry> all;
    private readonly ImmutableDictionary<string, ImmutableSortedSet<YieldRankEntry>> bySection;
    private readonly ImmutableDictionary<string, ImmutableSortedSet<YieldRankEntry>> byBand;
    private readonly ImmutableDictionary<Guid, YieldRankEntry> byId;

    private YieldRanking(
        YieldMemberTotalsSnapshot snapshot,
        YieldOptions options,
        ImmutableSortedSet<YieldRankEntry> all,
        ImmutableDictionary<string, ImmutableSortedSet<YieldRankEntry>> bySection,
        ImmutableDictionary<string, ImmutableSortedSet<YieldRankEntry>> byBand,
        ImmutableDictionary<Guid, YieldRankEntry> byId,
        int rescored)
    {
        Snapshot = snapshot;
        this.options = options;
        this.all = all;
        this.bySection = bySection;
        this.byBand = byBand;
        this.byId = byId;
        Rescored = rescored;
    }

    /// <summary>The totals this ranking was made from.</summary>
    public YieldMemberTotalsSnapshot Snapshot { get; }

    /// <summary>How many members were scored to make this version: all of them when ranked afresh, else the changed ones.</summary>
    public int Rescored { get; }

    public int Count => all.Count;

    /// <summary>The member at a place in the ranking (0 is the highest score).</summary>
    public RankedCompany this[int index] => new(this, all[index]);

    /// <summary>Every member ranked afresh from the snapshot: scored and sorted once.</summary>
    public static YieldRanking Rank(YieldMemberTotalsSnapshot snapshot, YieldOptions options)
    {
        var entries = snapshot.Members.Values.Select(m => YieldRankEntry.Scored(m, snapshot.Totals.GetValueOrDefault(m.CompanyId), options)).ToList();
        return new YieldRanking(
            snapshot,
            options,
            entries.ToImmutableSortedSet(Order),
            entries.GroupBy(e => e.Company.IndustrySection).ToImmutableDictionary(g => g.Key, g => g.ToImmutableSortedSet(Order)),
            entries.GroupBy(e => e.Company.SizeBand).ToImmutableDictionary(g => g.Key, g => g.ToImmutableSortedSet(Order)),
            entries.ToImmutableDictionary(e => e.Company.Id),
            entries.Count);
    }

    /// <summary>This ranking brought up to <paramref name="snapshot"/>, in which only <paramref name="changed"/> companies differ: each is taken out and, if still a member, re-scored and put back.</summary>
    public YieldRanking With(YieldMemberTotalsSnapshot snapshot, IReadOnlyCollection<Guid> changed)
    {
        var (newAll, newSections, newBands, newIds) = (all, bySection, byBand, byId);
        var rescored = 0;
        foreach (var companyId in changed.Distinct())
        {
            if (newIds.TryGetValue(companyId, out var old))
            {
                newAll = newAll.Remove(old);
                newSections = Without(newSections, old.Company.IndustrySection, old);
                newBands = Without(newBands, old.Company.SizeBand, old);
                newIds = newIds.Remove(companyId);
            }

            if (snapshot.Members.TryGetValue(companyId, out var member))
            {
                var fresh = YieldRankEntry.Scored(member, snapshot.Totals.GetValueOrDefault(companyId), options);
                rescored++;
                newAll = newAll.Add(fresh);
                newSections = With(newSections, fresh.Company.IndustrySection, fresh);
                newBands = With(newBands, fresh.Company.SizeBand, fresh);
                newIds = newIds.SetItem(companyId, fresh);
            }
        }

        return new YieldRanking(snapshot, options, newAll, newSections, newBands, newIds, rescored);
    }

    /// <summary>The member with this id, or null when it is not a member of the period.</summary>
    public RankedCompany? Of(Guid companyId) => byId.TryGetValue(companyId, out var entry) ? new RankedCompany(this, entry) : null;

    /// <summary>The members of an industry section in ranking order (none when the section has no members).</summary>
    public IEnumerable<YieldRankEntry> InSection(string section) => bySection.TryGetValue(section, out var members) ? members : [];

    /// <summary>Every member in ranking order, without positions (cheap to walk).</summary>
    public IEnumerable<YieldRankEntry> Entries => all;

    public IEnumerator<RankedCompany> GetEnumerator() => all.Select(e => new RankedCompany(this, e)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal YieldPosition OverallOf(YieldRankEntry entry) => PositionIn(all, AllianceGroup, entry);

    internal YieldPosition InSectionOf(YieldRankEntry entry) => PositionIn(bySection[entry.Company.IndustrySection], entry.Company.IndustrySection, entry);

    internal YieldPosition InBandOf(YieldRankEntry entry) => PositionIn(byBand[entry.Company.SizeBand], entry.Company.SizeBand, entry);

    /// <summary>
    /// Rank: 1 + members scoring higher. Percentile: share of the group's other members scoring lower (null alone).
    /// Median: of the group's scores. Each read from the tree by the score's edges, O(log n).
    /// </summary>
    private static YieldPosition PositionIn(ImmutableSortedSet<YieldRankEntry> group, string key, YieldRankEntry entry)
    {
        var n = group.Count;
        var higher = ~group.IndexOf(YieldRankEntry.Edge(entry.Score, -1));
        var notLower = ~group.IndexOf(YieldRankEntry.Edge(entry.Score, +1));
        var lower = n - notLower;
        double? percentile = n == 1 ? null : YieldFigures.Published(100m * lower / (n - 1), 1);
        var middle = n / 2;
        var median = n % 2 == 1 ? group[middle].Score : YieldFigures.Published(((decimal)group[middle - 1].Score + (decimal)group[middle].Score) / 2, 2);
        return new YieldPosition(key, higher + 1, n, percentile, median, MedianSuppressed: false);
    }

    private static int Compare(YieldRankEntry? x, YieldRankEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        var byScore = y!.Score.CompareTo(x!.Score);
        if (byScore != 0 || x.ScoreEdge != 0 || y.ScoreEdge != 0)
        {
            return byScore != 0 ? byScore : x.ScoreEdge - y.ScoreEdge;
        }

        var byName = string.CompareOrdinal(x.Company.Name, y.Company.Name);
        return byName != 0 ? byName : x.Company.Id.CompareTo(y.Company.Id);
    }

    private static ImmutableDictionary<string, ImmutableSortedSet<YieldRankEntry>> Without(ImmutableDictionary<string, ImmutableSortedSet<YieldRankEntry>> groups, string key, YieldRankEntry entry)
    {
        var rest = groups[key].Remove(entry);
        return rest.IsEmpty ? groups.Remove(key) : groups.SetItem(key, rest);
    }

    private static ImmutableDictionary<string, ImmutableSortedSet<YieldRankEntry>> With(ImmutableDictionary<string, ImmutableSortedSet<YieldRankEntry>> groups, string key, YieldRankEntry entry)
        => groups.SetItem(key, (groups.TryGetValue(key, out var members) ? members : ImmutableSortedSet.Create(Order)).Add(entry));
}
