using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Yield.Targets;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

/// <summary>
/// Effect-target results and the monitoring report read their slices set-wise: the SQL round trips do not grow with
/// the number of targets or quarters (counted by <see cref="SqlCommandCounter"/>, as the N+1 tests do).
/// </summary>
public sealed class SetWiseReportQueriesTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private static readonly string[] Kinds = ["ORDINARY_JOB", "INTERNSHIP", "WAGE_SUBSIDY", "ADULT_APPRENTICESHIP", "FLEX_JOB", "MENTOR"];

    private static readonly string[] Groups = ["INSURED_UNEMPLOYED", "INTEGRATION", "FLEX_JOB_SEEKER", "NEW_GRADUATE"];

    [Fact]
    public async Task Effect_target_results_cost_the_same_round_trips_for_one_target_as_for_twelve()
    {
        var company = await ArrangeAsync(2036, 2037);
        await SetAsync(2036, null, null, "REACH");
        foreach (var kind in Kinds.Prepend(null))
        {
            await SetAsync(2037, kind, null, "REACH");
        }

        foreach (var group in Groups)
        {
            await SetAsync(2037, null, group, "WORK_OR_EDUCATION");
        }

        await SetAsync(2037, "INTERNSHIP", "INTEGRATION", "WORK_OR_EDUCATION");
        var manager = (await factory.CreateUserAsync("MANAGER")).Client;
        // Each request once first: what a process keeps in memory (the alliance's pledges per range) is read on the first visit.
        object[] requests = [new { period = "2036" }, new { period = "2037" }, new { companyId = company, period = "2036-02..2036-11" }, new { companyId = company, period = "2037-02..2037-11" }];
        foreach (var variables in requests)
        {
            await manager.QueryAsync(EffectTargetResultsTests.Results, variables);
        }

        var (allianceOne, one) = await factory.QueryCountingAsync(manager, EffectTargetResultsTests.Results, new { period = "2036" });
        var (allianceTwelve, twelve) = await factory.QueryCountingAsync(manager, EffectTargetResultsTests.Results, new { period = "2037" });
        var (companyOne, _) = await factory.QueryCountingAsync(manager, EffectTargetResultsTests.Results, new { companyId = company, period = "2036-02..2036-11" });
        var (companyTwelve, _) = await factory.QueryCountingAsync(manager, EffectTargetResultsTests.Results, new { companyId = company, period = "2037-02..2037-11" });

        Assert.Single(one["effectTargetResults"]!["results"]!.AsArray());
        Assert.Equal(12, twelve["effectTargetResults"]!["results"]!.AsArray().Count);
        Assert.Equal(allianceOne, allianceTwelve);
        Assert.Equal(companyOne, companyTwelve);
    }

    [Fact]
    public async Task The_monitoring_report_costs_the_same_round_trips_for_one_quarter_as_for_eight()
    {
        await ArrangeAsync(2038, 2039);
        var manager = (await factory.CreateUserAsync("MANAGER")).Client.Http;
        foreach (var period in new[] { "2039-05", "2039-Q2", "2038-01..2039-12" })
        {
            await CountAsync(manager, period);
        }

        var oneMonth = await CountAsync(manager, "2039-05");
        var oneQuarter = await CountAsync(manager, "2039-Q2");
        var eightQuarters = await CountAsync(manager, "2038-01..2039-12");

        Assert.Equal(oneMonth, oneQuarter);
        Assert.Equal(oneQuarter, eightQuarters);
    }

    private async Task<int> CountAsync(HttpClient client, string period)
    {
        factory.Commands.Reset();
        using var response = await client.GetAsync(new Uri($"/reports/monitoring.csv?period={period}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return factory.Commands.Count;
    }

    private async Task<string> ArrangeAsync(params int[] years)
    {
        var arrange = new ReadModelArranger(factory);
        var company = arrange.Company(section: "C", raw: true);
        var other = arrange.Company(section: "G");
        foreach (var year in years)
        {
            arrange.Placements(2, company, OfferKind.Internship, TargetGroup.Integration, new(year, 2, 3), new(year, 4, 30), EndResult.OrdinaryJob)
                .Placements(1, other, OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, new(year, 6, 1), new(year, 9, 30), EndResult.Education)
                .Pledge(company, new(year, 1, 15), new(year, 12, 14), internships: 3, mentors: 1);
        }

        await arrange.SaveAsync();
        return ReadModelArranger.IdOf(company);
    }

    private async Task SetAsync(int year, string? offerKind, string? targetGroup, string measure)
    {
        var admin = await factory.SignInAsAdminAsync();
        await admin.QueryAsync(EffectTargetTests.SetTarget, new { input = new { year, offerKind, targetGroup, measure, targetPercent = 50m } });
    }
}
