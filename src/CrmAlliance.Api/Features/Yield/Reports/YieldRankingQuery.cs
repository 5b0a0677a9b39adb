using System.Globalization;
using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>What a ranking list is sorted by; <see cref="Rank"/> (highest score first) unless asked otherwise.</summary>
public enum YieldRankingSort
{
    Rank,
    Name,
    Employees,
    PositionsOffered,
    PlacementsStarted,
    PlacementWeeks,
}

/// <summary>
/// yieldRanking (staff): the members by yield score. Ranks are always within all members (and their section and
/// band), so a filter narrows the list without changing anyone's rank.
/// </summary>
public sealed class YieldRankingQuery(YieldRankings rankings, YieldOptions options)
{
    private static readonly StringComparer DanishNames = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), CompareOptions.IgnoreCase);

    public Task<YieldPage<RankedCompany>> ListAsync(string period, YieldSlice slice, string? industrySection, string? sizeBand, string? consultantId, PageRequest page, Actor actor, CancellationToken cancellationToken)
        => ListAsync(period, slice, industrySection, sizeBand, consultantId, YieldRankingSort.Rank, descending: false, page, actor, cancellationToken);

    /// <summary>The list sorted by <paramref name="sort"/> (<paramref name="descending"/>: the other way), equal values by rank.</summary>
    public async Task<YieldPage<RankedCompany>> ListAsync(
        string period, YieldSlice slice, string? industrySection, string? sizeBand, string? consultantId, YieldRankingSort sort, bool descending, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin, Role.Consultant, Role.Manager);
        var reportPeriod = ReportPeriod.Parse(period);
        var filter = YieldCompanyFilter.Parse(industrySection, sizeBand, consultantId, options);
        page.Validate();

        var ranking = await rankings.RankAsync(reportPeriod, slice, cancellationToken);
        if (filter.IsEmpty && sort == YieldRankingSort.Rank && !descending)
        {
            // The whole ranking in its own order: only the page's members are read out of it.
            var onPage = Enumerable.Range(page.Offset, Math.Max(0, Math.Min(page.Size, ranking.Count - page.Offset))).Select(i => ranking[i]).ToList();
            return new YieldPage<RankedCompany>(new Page<RankedCompany>(onPage, ranking.Count, page.Offset), reportPeriod.Label, options.DefinitionLabel);
        }

        // A section's members are walked in its own tree; other filters test each member in ranking order.
        var candidates = filter.IndustrySection is { } section ? ranking.InSection(section) : ranking.Entries;
        var listed = candidates.Where(e => filter.Matches(e.Source)).Select(e => new RankedCompany(ranking, e)).ToList();
        if (sort != YieldRankingSort.Rank || descending)
        {
            listed = Sorted(listed, sort, descending);
        }

        var items = listed.Skip(page.Offset).Take(page.Size).ToList();
        return new YieldPage<RankedCompany>(new Page<RankedCompany>(items, listed.Count, page.Offset), reportPeriod.Label, options.DefinitionLabel);
    }

    /// <summary>A stable sort of the ranked list (so equal values keep their ranking order); the cached list is not changed.</summary>
    private static List<RankedCompany> Sorted(IReadOnlyList<RankedCompany> ranked, YieldRankingSort sort, bool descending)
    {
        if (sort == YieldRankingSort.Name)
        {
            return descending ? ranked.OrderByDescending(r => r.Company.Name, DanishNames).ToList() : ranked.OrderBy(r => r.Company.Name, DanishNames).ToList();
        }

        Func<RankedCompany, double> key = sort switch
        {
            YieldRankingSort.Employees => r => r.Company.OrdinaryEmployees,
            YieldRankingSort.PositionsOffered => r => r.Figures.PositionsOffered,
            YieldRankingSort.PlacementsStarted => r => r.Figures.PlacementsStarted,
            YieldRankingSort.PlacementWeeks => r => r.Figures.PlacementWeeks,
            _ => r => -r.Score,
        };

        // Ascending is the smallest value first; for the rank that is rank 1, the largest score.
        return descending ? ranked.OrderByDescending(key).ToList() : ranked.OrderBy(key).ToList();
    }
}
