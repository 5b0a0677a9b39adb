using System.Text.Json.Nodes;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Yield.Targets;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Yield.Targets;

/// <summary>Result against target from arranged read-model cells; each test uses years of its own.</summary>
public sealed class EffectTargetResultsTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    internal const string Results = """
        query($companyId: ID, $period: String!) {
          effectTargetResults(companyId: $companyId, period: $period) {
            period targetYear company { id } definitionVersion suppressionThreshold
            results { target { year offerKind targetGroup measure targetPercent } count base actualPercent status suppressed }
          }
        }
        """;

    [Fact]
    public async Task The_alliance_result_of_every_target_of_the_year_is_computed_from_the_cells_of_its_slice()
    {
        await ArrangeAsync(2031);
        await SetAsync(2030, null, null, "REACH", 10);
        var manager = await factory.CreateUserAsync("MANAGER");

        var data = (await manager.Client.QueryAsync(Results, new { period = "2031" }))["effectTargetResults"]!;

        Assert.Equal(("2031", 2031), (data["period"]!.GetValue<string>(), data["targetYear"]!.GetValue<int>()));
        Assert.Null(data["company"]);
        Assert.Null(data["suppressionThreshold"]);
        Assert.StartsWith("2026.1 (", data["definitionVersion"]!.GetValue<string>());
        var results = ByMeasure(data);
        Assert.Equal(5, results.Count);

        // Wage subsidy, self-supporting after 6 months: A 3 of 4, B 0 of 1 → 3/5 = 60 %, exactly the target.
        Assert.Equal((3, 5, 60.0, "MET"), Result(results, "SELF_SUPPORTING_AFTER_6_MONTHS"));

        // Integration, work or education: A 2 ordinary jobs of 3 results, B 1 education of 3 → 3/6 = 50 % < 55 %.
        Assert.Equal((3, 6, 50.0, "NOT_MET"), Result(results, "WORK_OR_EDUCATION"));

        // Internship conversion: A's 3 integration internships, 2 hired → 66.67 % ≥ 50 %.
        Assert.Equal((2, 3, 66.67, "MET"), Result(results, "CONVERSION", "INTERNSHIP"));

        // Wage-subsidy placements here have no end result recorded: nothing to measure.
        Assert.Equal((0, 0, (double?)null, "NO_DATA"), Result(results, "CONVERSION", "WAGE_SUBSIDY"));

        // Reach: 6 integration starts of 11 → 54.55 % ≥ 50 %.
        Assert.Equal((6, 11, 54.55, "MET"), Result(results, "REACH"));
    }

    [Fact]
    public async Task A_company_is_judged_on_its_own_cells_and_its_own_user_sees_small_counts_suppressed()
    {
        var cast = await RoleCast.CreateAsync(factory);
        await ArrangeAsync(2032, companyA: cast.CompanyGuid);

        var staff = ByMeasure((await cast.Manager.Client.QueryAsync(Results, new { companyId = cast.CompanyId, period = "2032" }))["effectTargetResults"]!);
        var own = (await cast.CompanyUser.Client.QueryAsync(Results, new { companyId = cast.CompanyId, period = "2032" }))["effectTargetResults"]!;
        var alliance = await cast.CompanyUser.Client.SendAsync(Results, new { period = "2032" });
        var other = await cast.OtherCompanyUser.Client.SendAsync(Results, new { companyId = cast.CompanyId, period = "2032" });

        Assert.Equal((3, 4, 75.0, "MET"), Result(staff, "SELF_SUPPORTING_AFTER_6_MONTHS"));
        Assert.Equal((2, 3, 66.67, "MET"), Result(staff, "WORK_OR_EDUCATION"));
        Assert.Equal((3, 7, 42.86, "NOT_MET"), Result(staff, "REACH"));
        Assert.Equal(cast.CompanyId, own["company"]!["id"]!.GetValue<string>());
        Assert.Equal(5, own["suppressionThreshold"]!.GetValue<int>());
        Assert.Equal(5, own["results"]!.AsArray().Count);
        foreach (var result in own["results"]!.AsArray())
        {
            // Every count here is small, and a target of one offer kind (conversion in wage subsidies, with nothing to
            // measure) is withheld from company users whatever its counts: nothing is shown, not even met or not.
            Assert.Equal("SUPPRESSED", result!["status"]!.GetValue<string>());
            Assert.Null(result["count"]);
            Assert.Null(result["actualPercent"]);
            Assert.True(result["suppressed"]!.GetValue<bool>());
        }

        Assert.Equal(7, ByMeasure(own)["REACH/"]!["base"]!.GetValue<int>());
        alliance.ShouldFailWith("FORBIDDEN");
        other.ShouldFailWith("FORBIDDEN");
    }

    [Fact]
    public async Task A_period_across_new_year_is_judged_against_the_targets_of_the_year_it_ends_in_on_all_its_months()
    {
        var arrange = new ReadModelArranger(factory);
        var company = arrange.Company();
        arrange.Placements(3, company, OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, new(2033, 3, 1), new(2033, 9, 10), selfSupporting6: true)
            .Placements(1, company, OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, new(2033, 10, 1), new(2034, 3, 5), selfSupporting6: false)
            .Placements(1, company, OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, new(2033, 10, 1), new(2034, 6, 30), selfSupporting6: true)
            .Placements(2, company, OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, new(2034, 1, 1), new(2034, 8, 1), selfSupporting6: false);
        await arrange.SaveAsync();
        await SetAsync(2033, "WAGE_SUBSIDY", null, "SELF_SUPPORTING_AFTER_6_MONTHS", 50);
        await SetAsync(2034, "WAGE_SUBSIDY", null, "SELF_SUPPORTING_AFTER_6_MONTHS", 70);
        var manager = await factory.CreateUserAsync("MANAGER");

        var spanning = (await manager.Client.QueryAsync(Results, new { period = "2033-07..2034-06" }))["effectTargetResults"]!;
        var year2033 = (await manager.Client.QueryAsync(Results, new { period = "2033" }))["effectTargetResults"]!;

        // Ended 2033-09 (3 yes), 2034-03 (no), 2034-06 (yes): 4 of 5 = 80 % against 2034's 70 %; 2034-08 is outside.
        Assert.Equal(2034, spanning["targetYear"]!.GetValue<int>());
        var only = Assert.Single(spanning["results"]!.AsArray())!;
        Assert.Equal((2034, 70m), (only["target"]!["year"]!.GetValue<int>(), only["target"]!["targetPercent"]!.GetValue<decimal>()));
        Assert.Equal((4, 5, 80.0, "MET"), (only["count"]!.GetValue<int>(), only["base"]!.GetValue<int>(), only["actualPercent"]!.GetValue<double>(), only["status"]!.GetValue<string>()));
        var single = Assert.Single(year2033["results"]!.AsArray())!;
        Assert.Equal((3, 3, 50m), (single["count"]!.GetValue<int>(), single["base"]!.GetValue<int>(), single["target"]!["targetPercent"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task A_bad_period_or_company_id_is_a_VALIDATION_error_naming_the_argument()
    {
        var manager = await factory.CreateUserAsync("MANAGER");

        var badPeriod = await manager.Client.SendAsync(Results, new { period = "2025-13" });
        var badId = await manager.Client.SendAsync(Results, new { companyId = "nope", period = "2025" });

        Assert.Equal(["period"], badPeriod.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["companyId"], badId.ShouldFailWith("VALIDATION").Fields);
    }

    [Fact]
    public void Met_is_decided_exactly_at_the_boundary()
    {
        Assert.True(EffectTargetResults.IsMet(new(1, 3), 33.33m));
        Assert.False(EffectTargetResults.IsMet(new(1, 3), 33.34m));
        Assert.True(EffectTargetResults.IsMet(new(7, 10), 70m));
        Assert.False(EffectTargetResults.IsMet(new(69, 100), 69.01m));
    }

    /// <summary>
    /// Company A: 4 wage-subsidy placements (insured unemployed) ended with 6-month follow-ups (3 self-supporting),
    /// 3 integration internships ended (2 ordinary jobs, 1 back on benefits). Company B: 1 wage-subsidy placement
    /// (not self-supporting), 3 integration mentor placements (1 education, 2 dropped out). Five targets for the year.
    /// </summary>
    internal async Task ArrangeAsync(int year, Guid? companyA = null)
    {
        var arrange = new ReadModelArranger(factory);
        var a = arrange.Company(section: "C", id: companyA);
        var b = arrange.Company(section: "G");
        DateOnly Day(int month, int day) => new(year, month, day);
        arrange.Placements(3, a, OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, Day(1, 5), Day(4, 30), selfSupporting6: true)
            .Placements(1, a, OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, Day(1, 5), Day(5, 31), selfSupporting6: false)
            .Placements(2, a, OfferKind.Internship, TargetGroup.Integration, Day(2, 1), Day(3, 15), EndResult.OrdinaryJob)
            .Placements(1, a, OfferKind.Internship, TargetGroup.Integration, Day(2, 1), Day(3, 15), EndResult.BackOnBenefits)
            .Placements(1, b, OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, Day(3, 1), Day(8, 31), selfSupporting6: false)
            .Placements(1, b, OfferKind.Mentor, TargetGroup.Integration, Day(6, 1), Day(9, 1), EndResult.Education)
            .Placements(2, b, OfferKind.Mentor, TargetGroup.Integration, Day(6, 1), Day(9, 1), EndResult.DroppedOut);
        await arrange.SaveAsync();
        await SetAsync(year, "WAGE_SUBSIDY", null, "SELF_SUPPORTING_AFTER_6_MONTHS", 60);
        await SetAsync(year, null, "INTEGRATION", "WORK_OR_EDUCATION", 55);
        await SetAsync(year, "INTERNSHIP", null, "CONVERSION", 50);
        await SetAsync(year, "WAGE_SUBSIDY", null, "CONVERSION", 50);
        await SetAsync(year, null, null, "REACH", 50);
    }

    internal async Task SetAsync(int year, string? offerKind, string? targetGroup, string measure, decimal percent)
    {
        var admin = await factory.SignInAsAdminAsync();
        await admin.QueryAsync(EffectTargetTests.SetTarget, new { input = new { year, offerKind, targetGroup, measure, targetPercent = percent } });
    }

    private static Dictionary<string, JsonNode> ByMeasure(JsonNode data)
        => data["results"]!.AsArray().ToDictionary(r => $"{r!["target"]!["measure"]!.GetValue<string>()}/{r["target"]!["offerKind"]?.GetValue<string>()}", r => r!);

    private static (int?, int?, double?, string) Result(Dictionary<string, JsonNode> results, string measure, string? offerKind = null)
    {
        var key = results.Keys.Single(k => k.StartsWith(measure + "/", StringComparison.Ordinal) && (offerKind is null || k.EndsWith("/" + offerKind, StringComparison.Ordinal)));
        var r = results[key];
        return (r["count"]?.GetValue<int>(), r["base"]?.GetValue<int>(), r["actualPercent"]?.GetValue<double>(), r["status"]!.GetValue<string>());
    }
}
