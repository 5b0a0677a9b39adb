using System.Text.Json.Nodes;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Yield.Targets;

/// <summary>partnerYield and allianceSummary show result against target: the same as effectTargetResults.</summary>
public sealed class TargetsInReportsTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string TargetFields = """
        period targetYear company { id } definitionVersion suppressionThreshold
        results { target { year offerKind targetGroup measure targetPercent } count base actualPercent status suppressed }
        """;

    private const string PartnerYield = $$"""
        query($companyId: ID!, $period: String!) {
          partnerYield(companyId: $companyId, period: $period, offerKind: INTERNSHIP) { effectTargets { {{TargetFields}} } }
        }
        """;

    private const string AllianceSummary = $$"""
        query($period: String!) { allianceSummary(period: $period, industrySection: "C") { effectTargets { {{TargetFields}} } } }
        """;

    [Fact]
    public async Task Partner_yield_shows_the_companys_result_against_every_target_as_its_reader_may_see_it()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var targets = new EffectTargetResultsTests(factory);
        await targets.ArrangeAsync(2036, companyA: cast.CompanyGuid);
        var variables = new { companyId = cast.CompanyId, period = "2036" };

        var staffReport = (await cast.Manager.Client.QueryAsync(PartnerYield, variables))["partnerYield"]!["effectTargets"]!;
        var staffResults = (await cast.Manager.Client.QueryAsync(EffectTargetResultsTests.Results, variables))["effectTargetResults"]!;
        var ownReport = (await cast.CompanyUser.Client.QueryAsync(PartnerYield, variables))["partnerYield"]!["effectTargets"]!;
        var ownResults = (await cast.CompanyUser.Client.QueryAsync(EffectTargetResultsTests.Results, variables))["effectTargetResults"]!;

        Assert.Equal(5, staffReport["results"]!.AsArray().Count);
        Assert.Contains(staffReport["results"]!.AsArray(), r => r!["status"]!.GetValue<string>() == "MET");
        Assert.True(JsonNode.DeepEquals(staffResults, staffReport), staffReport.ToJsonString());

        // The company user's own view withholds small counts, here as in effectTargetResults.
        Assert.Equal(5, ownReport["suppressionThreshold"]!.GetValue<int>());
        Assert.Contains(ownReport["results"]!.AsArray(), r => r!["status"]!.GetValue<string>() == "SUPPRESSED");
        Assert.True(JsonNode.DeepEquals(ownResults, ownReport), ownReport.ToJsonString());
    }

    [Fact]
    public async Task Alliance_summary_shows_the_whole_alliances_result_against_every_target_whatever_its_filters()
    {
        var targets = new EffectTargetResultsTests(factory);
        await targets.ArrangeAsync(2037);
        var manager = await factory.CreateUserAsync("MANAGER");

        var report = (await manager.Client.QueryAsync(AllianceSummary, new { period = "2037" }))["allianceSummary"]!["effectTargets"]!;
        var results = (await manager.Client.QueryAsync(EffectTargetResultsTests.Results, new { period = "2037" }))["effectTargetResults"]!;

        Assert.Equal(5, report["results"]!.AsArray().Count);
        Assert.Null(report["company"]);
        Assert.True(JsonNode.DeepEquals(results, report), report.ToJsonString());
    }
}
