extern alias api;
using api::CrmAlliance.Api.Core;
using api::CrmAlliance.Api.Features.Yield.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>The reports' query classes called in process, as the resolvers call them: what a request costs without GraphQL and HTTP.</summary>
internal static class InProcess
{
    private static readonly Actor Staff = new("yield-benchmark", "bench-admin@crmalliance.local", Role.Admin, null);

    public static async Task RankingPageAsync(YieldApiHost host, string period)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<YieldRankingQuery>().ListAsync(period, YieldSlice.Whole, null, null, null, new PageRequest(50), Staff, CancellationToken.None);
        _ = page.Page.Items.Sum(r => r.Overall.Rank + r.InIndustrySection.Rank + r.InSizeBand.Rank);
    }

    public static async Task SummaryAsync(YieldApiHost host, string period)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AllianceSummaryQuery>().GetAsync(period, null, null, null, Staff, CancellationToken.None);
    }
}
