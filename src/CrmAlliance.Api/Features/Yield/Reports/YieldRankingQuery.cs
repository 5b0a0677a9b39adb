using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// yieldRanking (staff): the members by yield score. Ranks are always within all members (and their section and
/// band), so a filter narrows the list without changing anyone's rank.
/// </summary>
public sealed class YieldRankingQuery(YieldRankings rankings, YieldOptions options)
{
    public async Task<YieldPage<RankedCompany>> ListAsync(string period, YieldSlice slice, string? industrySection, string? sizeBand, string? consultantId, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin, Role.Consultant, Role.Manager);
        var reportPeriod = ReportPeriod.Parse(period);
        var filter = YieldCompanyFilter.Parse(industrySection, sizeBand, consultantId, options);
        page.Validate();

        var ranked = await rankings.RankAsync(reportPeriod, slice, cancellationToken);
        IReadOnlyList<RankedCompany> listed = ranked;
        if (!filter.IsEmpty)
        {
            var wanted = filter.Apply(ranked.Select(r => r.Source).AsQueryable()).Select(c => c.CompanyId).ToHashSet();
            listed = ranked.Where(r => wanted.Contains(r.Company.Id)).ToList();
        }

        var items = listed.Skip(page.Offset).Take(page.Size).ToList();
        return new YieldPage<RankedCompany>(new Page<RankedCompany>(items, listed.Count, page.Offset), reportPeriod.Label, options.DefinitionLabel);
    }
}
