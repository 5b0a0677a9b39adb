using System.Runtime.CompilerServices;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>A member with its figures, score and places in the alliance, its industry section and its size band.</summary>
public sealed record RankedCompany(YieldCompany Source, YieldCompanyView Company, YieldFigures Figures, double Score, YieldPosition Overall, YieldPosition InIndustrySection, YieldPosition InSizeBand)
{
    public int ScoreBasis => Figures.ScoreBasis(Company.OrdinaryEmployees);
}

/// <summary>
/// Ranks every member of the alliance by yield score for a period and slice: highest score first, equal scores
/// share a rank (1, 2, 2, 4) and are listed by name. The members and their totals come from
/// <see cref="YieldMemberTotals"/>, kept current in memory by re-reading only the companies a change touched; the
/// ranking itself is sorted in memory once per version of those totals (a few milliseconds for 5,000 members).
/// </summary>
public sealed class YieldRankings(CrmDbContext db, YieldCellReader reader, YieldOptions options, YieldMemberTotals memberTotals)
{
    public const string AllianceGroup = "Alliance";

    /// <summary>Rankings made from a snapshot of the totals, for as long as the snapshot is in use.</summary>
    private static readonly ConditionalWeakTable<YieldMemberTotalsSnapshot, IReadOnlyList<RankedCompany>> Ranked = [];

    public async Task<IReadOnlyList<RankedCompany>> RankAsync(ReportPeriod period, YieldSlice slice, CancellationToken cancellationToken)
    {
        var snapshot = await memberTotals.CurrentAsync(db, reader, period, slice, cancellationToken);
        return Ranked.GetValue(snapshot, Rank);
    }

    private IReadOnlyList<RankedCompany> Rank(YieldMemberTotalsSnapshot snapshot)
    {
        var scored = snapshot.Members.Values
            .Select(m =>
            {
                var figures = new YieldFigures(snapshot.Totals.GetValueOrDefault(m.CompanyId) ?? new YieldTotals(), options);
                return new Scored(m, YieldCompanyView.From(m, options), figures, figures.Score(m.OrdinaryEmployees));
            })
            .OrderByDescending(s => s.Score).ThenBy(s => s.Company.Name, StringComparer.Ordinal).ThenBy(s => s.Company.Id)
            .ToList();

        var overall = Positions(scored, _ => AllianceGroup);
        var bySection = Positions(scored, s => s.Company.IndustrySection);
        var byBand = Positions(scored, s => s.Company.SizeBand);
        return scored
            .Select(s => new RankedCompany(s.Source, s.Company, s.Figures, s.Score, overall[s.Company.Id], bySection[s.Company.Id], byBand[s.Company.Id]))
            .ToList();
    }

    /// <summary>Positions within each group of an already sorted list (GroupBy keeps the order).</summary>
    private static Dictionary<Guid, YieldPosition> Positions(List<Scored> sorted, Func<Scored, string> groupOf)
    {
        var positions = new Dictionary<Guid, YieldPosition>(sorted.Count);
        foreach (var group in sorted.GroupBy(groupOf))
        {
            var members = group.ToList();
            var median = Median(members);
            var n = members.Count;
            var rank = 0;
            var lower = 0;
            for (var i = 0; i < n; i++)
            {
                if (i == 0 || members[i].Score != members[i - 1].Score)
                {
                    rank = i + 1;

                    // Sorted descending: those scoring lower are the ones after this run of equal scores.
                    var runEnd = i;
                    while (runEnd + 1 < n && members[runEnd + 1].Score == members[i].Score)
                    {
                        runEnd++;
                    }

                    lower = n - runEnd - 1;
                }

                double? percentile = n == 1 ? null : YieldFigures.Published(100m * lower / (n - 1), 1);
                positions[members[i].Company.Id] = new YieldPosition(group.Key, rank, n, percentile, median, MedianSuppressed: false);
            }
        }

        return positions;
    }

    /// <summary>The median score of a list sorted by score.</summary>
    private static double Median(List<Scored> sorted)
    {
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle].Score : YieldFigures.Published(((decimal)sorted[middle - 1].Score + (decimal)sorted[middle].Score) / 2, 2);
    }

    private sealed record Scored(YieldCompany Source, YieldCompanyView Company, YieldFigures Figures, double Score);
}
