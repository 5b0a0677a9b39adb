using System.Text.Json.Nodes;
using CrmAlliance.Api.Features.Yield;
using Microsoft.Extensions.DependencyInjection;
using static CrmAlliance.IntegrationTests.Yield.Reports.YieldQueries;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

[Collection(YieldReportsCollection.Name)]
public sealed class PartnerYieldTests(YieldReportsFixture world)
{
    private async Task<JsonNode> AsManagerAsync(string company, string period, string? kind = null, string? group = null)
        => (await world.Manager.QueryAsync(PartnerYield, new { id = world.Id(company), period, kind, group }))["partnerYield"]!;

    [Fact]
    public async Task Every_measure_of_a_year_is_summed_from_the_companys_facts()
    {
        var yield = await AsManagerAsync("Alpha", "2025");
        var m = yield["measures"];

        Assert.Equal("2025", yield.Text("period"));
        Assert.Equal(world.Factory.Services.GetRequiredService<YieldOptions>().DefinitionLabel, yield.Text("definitionVersion"));
        Assert.Null(yield.At("suppressionThreshold"));
        Assert.Equal("10–49", yield.Text("company.sizeBand"));

        // Offered: the internship (3) and ordinary-job (2) vacancies of 2025; the wage-subsidy one was posted in December 2024.
        Assert.Equal(2, m.Int("vacanciesPosted"));
        Assert.Equal(5, m.Int("positionsOffered"));

        // Taken up: four placements started in 2025; days inside 2025: 28 + 28 + 183 + 47 (running since 15 November) + 10 (the one from December 2024).
        Assert.Equal(4, m.Int("placementsStarted"));
        Assert.Equal(296, m.Int("placementDays"));
        Assert.Equal(42.3, m.Double("placementWeeks"));
        AssertRate(m.At("reach"), 2, 4);

        // Results of the four that ended in 2025: ordinary job, back on benefits, education, dropped out (early).
        Assert.Equal(4, m.Int("placementsEnded"));
        Assert.Equal(1, m.Int("endedEarly"));
        AssertRate(m.At("workOrEducation"), 2, 4);
        Assert.Equal([1, 0, 1, 1, 1], new[] { "endedOrdinaryJob", "endedFlexJob", "endedEducation", "endedBackOnBenefits", "endedDroppedOut" }.Select(f => m.Int(f + ".value")));
        AssertRate(m.At("selfSupportingAfter1Month"), 2, 3);
        AssertRate(m.At("selfSupportingAfter3Months"), 1, 2);
        AssertRate(m.At("selfSupportingAfter6Months"), 1, 1);
        AssertRate(m.At("selfSupportingAfter12Months"), 0, 0);
        AssertRate(m.At("conversion"), 1, 4);
        Assert.False(m.Bool("freeLabourRisk"));

        Assert.Equal(3, m.Int("contacts"));
        Assert.Equal(4 / 3.0, m.Double("placementsPerContact"), 6);
        // Pledged 4 internships and 2 ordinary jobs for 2025. Each month's share is rounded to thousandths, so the
        // twelve months hold 4.003 and 1.999 (see YieldContributions.AddPledge); pledged shows two decimals.
        Assert.Equal(6.0, m.Double("pledged"));
        Assert.Equal(4 / 6.002, m.Double("pledgeFulfilment"), 6);
        Assert.True(m.Bool("active"));

        // Score: (0.5·5 + 1·4 + 0.1·296/7 + 1·2 + 2·2 + 3·1) per 100 of its 40 employees.
        Assert.Equal(49.32, yield.Double("score"));
        Assert.Equal(40, yield.Int("scoreBasisEmployees"));
    }

    [Fact]
    public async Task Pledge_fulfilment_is_per_offer_kind()
    {
        var byKind = (await AsManagerAsync("Alpha", "2025"))["byOfferKind"]!.AsArray().ToDictionary(k => k.Text("offerKind"));

        Assert.Equal(6, byKind.Count);
        Assert.Equal(4.0, byKind["INTERNSHIP"].Double("pledged"));
        Assert.Equal(2, byKind["INTERNSHIP"].Int("placementsStarted"));
        Assert.Equal(2 / 4.003, byKind["INTERNSHIP"].Double("fulfilment"), 6);
        Assert.Equal(3, byKind["INTERNSHIP"].Int("positionsOffered"));
        Assert.Equal(1 / 1.999, byKind["ORDINARY_JOB"].Double("fulfilment"), 6);
        Assert.Equal(1, byKind["WAGE_SUBSIDY"].Int("placementsStarted"));
        Assert.Null(byKind["WAGE_SUBSIDY"].At("fulfilment"));
    }

    [Fact]
    public async Task A_quarter_a_month_and_a_custom_range_count_only_their_months()
    {
        var q1 = (await AsManagerAsync("Alpha", "2025-Q1"))["measures"];
        var march = (await AsManagerAsync("Alpha", "2025-03"))["measures"];
        var range = await AsManagerAsync("Alpha", "2025-02..2025-04");

        Assert.Equal([1, 3, 2, 66, 3, 2], new[] { "vacanciesPosted", "positionsOffered", "placementsStarted", "placementDays", "placementsEnded", "contacts" }.Select(f => q1.Int(f)));
        AssertRate(q1.At("conversion"), 1, 3);

        // The pledge spread over its months by days: internships 340 + 307 + 340 and ordinary jobs 170 + 153 + 170 thousandths.
        Assert.Equal(1.48, q1.Double("pledged"));
        Assert.Equal([0, 1, 28, 1, 1], new[] { "vacanciesPosted", "placementsStarted", "placementDays", "placementsEnded", "contacts" }.Select(f => march.Int(f)));
        Assert.Equal("2025-02..2025-04", range.Text("period"));
        Assert.Equal([1, 2, 60, 2], new[] { "vacanciesPosted", "placementsStarted", "placementDays", "placementsEnded" }.Select(f => range["measures"].Int(f)));
    }

    [Fact]
    public async Task Slices_read_one_offer_kind_or_one_target_group()
    {
        var internships = await AsManagerAsync("Alpha", "2025", kind: "INTERNSHIP");
        var activityReady = await AsManagerAsync("Alpha", "2025", group: "ACTIVITY_READY_SOCIAL_ASSISTANCE");
        var both = await AsManagerAsync("Alpha", "2025", kind: "WAGE_SUBSIDY", group: "ACTIVITY_READY_SOCIAL_ASSISTANCE");

        Assert.Equal("INTERNSHIP", internships.Text("offerKind"));
        Assert.Equal([1, 3, 2, 66, 3], new[] { "vacanciesPosted", "positionsOffered", "placementsStarted", "placementDays", "placementsEnded" }.Select(f => internships["measures"].Int(f)));
        Assert.Equal(0, internships["measures"].Int("contacts"));
        Assert.Equal(4.0, internships["measures"].Double("pledged"));
        Assert.Equal("INTERNSHIP", Assert.Single(internships["byOfferKind"]!.AsArray()).Text("offerKind"));

        // A target group has no vacancies, contacts or pledges.
        Assert.Equal([0, 1, 28, 0], new[] { "vacanciesPosted", "placementsStarted", "placementDays", "contacts" }.Select(f => activityReady["measures"].Int(f)));
        AssertRate(activityReady.At("measures")!["reach"], 1, 1);
        Assert.Equal(0, both["measures"].Int("placementsStarted"));
        Assert.Equal(26.11, internships.Double("score"));
    }

    [Fact]
    public async Task Ranks_within_the_alliance_its_section_and_its_size_band()
    {
        var alpha = await AsManagerAsync("Alpha", "2025");
        var beta = await AsManagerAsync("Beta", "2025");
        var gamma = await AsManagerAsync("Gamma", "2025");

        Assert.Equal(["Alliance", "1 of 7", "100", "2.5"], Position(alpha["overall"]));
        Assert.Equal(["C", "1 of 3", "100", "10.5"], Position(alpha["inIndustrySection"]));
        Assert.Equal(["10–49", "1 of 4", "100", "2.5"], Position(alpha["inSizeBand"]));
        Assert.Equal(["C", "3 of 3", "0", "10.5"], Position(beta["inIndustrySection"]));
        Assert.Equal(["0–9", "1 of 2", "100", "5"], Position(beta["inSizeBand"]));

        // A company of 5 is scored as 10 (the minimum): one ordinary-job vacancy of 2 positions = 1 point → 10.
        Assert.Equal(10, beta.Double("score"));
        Assert.Equal(10, beta.Int("scoreBasisEmployees"));

        // Five internships ended, none hired: the free-labour risk.
        Assert.True(gamma.Bool("measures.freeLabourRisk"));
        AssertRate(gamma.At("measures")!["conversion"], 0, 5);
    }

    [Fact]
    public async Task A_company_that_is_not_a_member_has_its_figures_but_no_rank()
    {
        var eta = await AsManagerAsync("Eta", "2025");
        var omega = await AsManagerAsync("Omega", "2025");

        Assert.Null(eta.At("overall"));
        Assert.Null(eta.At("inSizeBand"));
        Assert.Equal(12, omega.Int("measures.placementsStarted"));
        Assert.Null(omega.At("inIndustrySection"));
    }

    private static List<string> Position(JsonNode? position)
        => [position.Text("group"), position.Text("label"), position.Double("percentile").ToString(System.Globalization.CultureInfo.InvariantCulture), position.Double("medianScore").ToString(System.Globalization.CultureInfo.InvariantCulture)];
}
