using System.Text.Json.Nodes;
using CrmAlliance.Api.Features.Yield;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static CrmAlliance.IntegrationTests.Yield.Reports.YieldQueries;

namespace CrmAlliance.IntegrationTests.Yield.Reports.Inference;

/// <summary>
/// Issue 11 §6: nothing a company user sees lets it derive a count its view withholds. For every company of a
/// generated alliance with activity in March 2026, the <see cref="WithheldCountSolver"/> gets what the company's
/// user can fetch (the month, its quarter and year, the year's monthly trend) and must pin down no withheld count.
/// </summary>
public sealed class CompanyViewInferenceTests(InferenceWorld world, ITestOutputHelper output) : IClassFixture<InferenceWorld>
{
    private const string Month = "2026-03";

    private static readonly (string Period, int[] Months)[] LongerPeriods = [("2026-Q1", [0, 1, 2]), ("2026", [.. Enumerable.Range(0, 12)])];

    private const string Trend = Fragments + """
        query($id: ID!) { yieldTrend(companyId: $id, from: "2026-01", to: "2026-12", grain: MONTH) { points { period score measures { ...M } } } }
        """;

    [Fact]
    public async Task No_withheld_count_of_a_month_can_be_solved_for_from_everything_the_company_user_sees()
    {
        var options = world.Factory.Services.GetRequiredService<YieldOptions>();
        var solver = new WithheldCountSolver(options.Score, options.SuppressionThreshold);
        var (views, viewsWithheld, recoveredViews, recoveredCounts, withheldCounts) = (0, 0, 0, 0, 0);
        var examples = new List<string>();

        foreach (var id in world.CompanyIds)
        {
            var truth = await PartnerYieldAsync(world.Manager, id, Month);
            if (truth.Int("measures.placementsStarted") + truth.Int("measures.placementsEnded") == 0)
            {
                continue; // nothing from citizens' outcomes in the month: nothing to withhold
            }

            var user = await world.CompanyUserAsync(id);
            var month = await PartnerYieldAsync(user, id, Month);
            var longer = new List<(JsonNode, IReadOnlyList<int>)>();
            foreach (var (period, months) in LongerPeriods)
            {
                longer.Add((await PartnerYieldAsync(user, id, period), months));
            }

            var trend = (await user.QueryAsync(Trend, new { id }))["yieldTrend"]!["points"]!.AsArray().Select(p => p!).ToList();
            var solved = solver.Solve(new CompanyMonthViews(month, 2, longer, trend));
            views++;
            if (solved.Count == 0)
            {
                continue;
            }

            viewsWithheld++;
            withheldCounts += solved.Count;
            var recovered = solved.Where(s => s.Value.Count == 1).ToList();
            foreach (var (figure, candidates) in solved)
            {
                var actual = truth["measures"].At(figure)!.GetValue<int>();
                Assert.True(candidates.Contains(actual), $"{id} {figure}: the solver ruled out the true value {actual} ({string.Join(",", candidates)})");
            }

            if (recovered.Count > 0)
            {
                recoveredViews++;
                recoveredCounts += recovered.Count;
                examples.Add($"{month.Text("company.name")}: " + string.Join(", ", recovered.Select(r => $"{r.Key} = {r.Value.Single()}")));
            }
        }

        var summary = $"{Month}: {views} company views with placements started or ended; {viewsWithheld} withhold a count ({withheldCounts} counts); "
            + $"{recoveredViews} views have a withheld count the solver recovers ({recoveredCounts} counts).";
        output.WriteLine(summary);
        examples.Take(10).ToList().ForEach(output.WriteLine);

        Assert.True(viewsWithheld >= 50, summary);
        Assert.True(recoveredViews == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, examples.Take(10)));
    }

    private static async Task<JsonNode> PartnerYieldAsync(TestInfrastructure.GraphQLClient client, string id, string period)
        => (await client.QueryAsync(PartnerYield, new { id, period }))["partnerYield"]!;
}
