using static CrmAlliance.IntegrationTests.Yield.Reports.YieldQueries;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

/// <summary>A company user's own view (suppressed, peers anonymous), what it is refused, and the errors for bad arguments.</summary>
[Collection(YieldReportsCollection.Name)]
public sealed class YieldAccessTests(YieldReportsFixture world)
{
    [Fact]
    public async Task A_company_user_sees_its_own_yield_with_small_outcome_counts_suppressed()
    {
        var own = (await world.AlphaUser.QueryAsync(PartnerYield, new { id = world.Id("Alpha"), period = "2025" }))["partnerYield"]!;
        var m = own["measures"];

        Assert.Equal(5, own.Int("suppressionThreshold"));

        // Not citizens' outcomes: shown as they are.
        Assert.Equal(4, m.Int("placementsStarted"));
        Assert.Equal(296, m.Int("placementDays"));
        Assert.Equal(49.32, own.Double("score"));

        // Reach 2 of 4, results 2 of 4, conversion 1 of 4: every part is a small count.
        foreach (var rate in new[] { "reach", "workOrEducation", "conversion", "selfSupportingAfter1Month" })
        {
            Assert.True(m.Bool(rate + ".suppressed"), rate);
            Assert.Null(m.At(rate + ".count"));
            Assert.Null(m.At(rate + ".base"));
            Assert.Null(m.At(rate + ".rate"));
        }

        Assert.Null(m.At("freeLabourRisk"));
        Assert.True(m.Bool("endedOrdinaryJob.suppressed"));
        Assert.Null(m.At("endedOrdinaryJob.value"));

        // Zero tells of no one.
        Assert.Equal(0, m.Int("endedFlexJob.value"));
        AssertRate(m.At("selfSupportingAfter12Months"), 0, 0);
    }

    [Fact]
    public async Task A_company_user_gets_its_position_among_peers_without_small_groups_medians()
    {
        var own = (await world.AlphaUser.QueryAsync(PartnerYield, new { id = world.Id("Alpha"), period = "2025" }))["partnerYield"]!;

        Assert.Equal("1 of 7", own.Text("overall.label"));
        Assert.Equal(100, own.Double("overall.percentile"));
        Assert.Equal(2.5, own.Double("overall.medianScore"));
        Assert.False(own.Bool("overall.medianSuppressed"));
        Assert.Equal("1 of 3", own.Text("inIndustrySection.label"));
        Assert.True(own.Bool("inIndustrySection.medianSuppressed"));
        Assert.Null(own.At("inIndustrySection.medianScore"));
        Assert.Equal("1 of 4", own.Text("inSizeBand.label"));
        Assert.Null(own.At("inSizeBand.medianScore"));
    }

    [Fact]
    public async Task Larger_counts_are_shown_and_a_small_complement_hides_a_rate()
    {
        var m = (await world.OmegaUser.QueryAsync(PartnerYield, new { id = world.Id("Omega"), period = "2025" }))["partnerYield"]!["measures"];

        // Twelve internships ended: five hired, seven back on benefits; 9 of 10 followed up were self-supporting after 6 months.
        AssertRate(m.At("conversion"), 5, 12);
        AssertRate(m.At("workOrEducation"), 5, 12);
        AssertRate(m.At("reach"), 0, 12);
        Assert.False(m.Bool("freeLabourRisk"));
        Assert.Equal(7, m.Int("endedBackOnBenefits.value"));
        Assert.True(m.Bool("selfSupportingAfter6Months.suppressed"));
        Assert.Null(m.At("selfSupportingAfter6Months.count"));
        Assert.Equal(10, m.Int("selfSupportingAfter6Months.base"));
    }

    [Fact]
    public async Task A_company_user_is_refused_other_companies_rankings_summaries_lists_and_rows()
    {
        var alpha = world.AlphaUser;
        var period = new { period = "2025" };

        (await alpha.SendAsync(PartnerYield, new { id = world.Id("Beta"), period = "2025" })).ShouldFailWith("FORBIDDEN");
        (await alpha.SendAsync("query($id: ID) { yieldTrend(companyId: $id, from: \"2025\", to: \"2025\") { range } }", new { id = world.Id("Beta") })).ShouldFailWith("FORBIDDEN");
        (await alpha.SendAsync("{ yieldTrend(from: \"2025\", to: \"2025\") { range } }")).ShouldFailWith("FORBIDDEN");
        (await alpha.SendAsync("query($period: String!) { yieldRanking(period: $period) { totalCount } }", period)).ShouldFailWith("FORBIDDEN");
        (await alpha.SendAsync("query($period: String!) { allianceSummary(period: $period) { members } }", period)).ShouldFailWith("FORBIDDEN");
        (await alpha.SendAsync("query($period: String!) { dormantPartners(period: $period) { totalCount } }", period)).ShouldFailWith("FORBIDDEN");
        (await alpha.SendAsync("query($id: ID) { yieldRows(companyId: $id, period: \"2025\", measure: PLACEMENTS_STARTED) { totalCount } }", new { id = world.Id("Alpha") })).ShouldFailWith("FORBIDDEN");
    }

    [Fact]
    public async Task A_company_user_follows_its_own_trend_suppressed()
    {
        var trend = (await world.AlphaUser.QueryAsync("query($id: ID) { yieldTrend(companyId: $id, from: \"2025\", to: \"2025\", grain: YEAR) { suppressionThreshold points { measures { placementsStarted reach { count suppressed } } } } }", new { id = world.Id("Alpha") }))["yieldTrend"];

        Assert.Equal(5, trend.Int("suppressionThreshold"));
        Assert.Equal(4, trend.Int("points.0.measures.placementsStarted"));
        Assert.True(trend.Bool("points.0.measures.reach.suppressed"));
    }

    [Theory]
    [InlineData("partnerYield(companyId: $id, period: \"2025-13\") { score }", "period")]
    [InlineData("partnerYield(companyId: $id, period: \"last year\") { score }", "period")]
    [InlineData("yieldRanking(period: \"2025\", industrySection: \"Z\") { totalCount }", "industrySection")]
    [InlineData("yieldRanking(period: \"2025\", sizeBand: \"10–50\") { totalCount }", "sizeBand")]
    [InlineData("yieldRanking(period: \"2025\", first: 101) { totalCount }", "first")]
    [InlineData("yieldRanking(period: \"2025\", after: \"nonsense\") { totalCount }", "after")]
    [InlineData("allianceSummary(period: \"2025-Q5\") { members }", "period")]
    [InlineData("dormantPartners(period: \"2025\", consultantId: $id) { totalCount }", "consultantId")]
    [InlineData("yieldTrend(companyId: $id, from: \"2025-06\", to: \"2025-01\") { range }", "to")]
    [InlineData("yieldTrend(companyId: $id, from: \"2010\", to: \"2025\") { range }", "to")]
    [InlineData("yieldRows(period: \"2025\", measure: CONTACTS, first: 500) { totalCount }", "first")]
    public async Task Bad_arguments_are_refused_with_the_field(string field, string expectedField)
    {
        var variables = field.Contains("$id", StringComparison.Ordinal) ? "($id: ID!)" : "";
        var response = await world.Manager.SendAsync($"query{variables} {{ {field} }}", new { id = world.Id("Alpha") });

        Assert.Equal([expectedField], response.ShouldFailWith("VALIDATION").Fields);
    }

    [Fact]
    public async Task An_unknown_company_is_not_found()
    {
        var unknown = Api.Infrastructure.GraphQL.GlobalId.Encode("Company", Guid.NewGuid());

        var yield = await world.Manager.SendAsync(PartnerYield, new { id = unknown, period = "2025" });
        var rows = await world.Manager.SendAsync("query($id: ID) { yieldRows(companyId: $id, period: \"2025\", measure: CONTACTS) { totalCount } }", new { id = unknown });

        Assert.Equal(["companyId"], yield.ShouldFailWith("NOT_FOUND").Fields);
        Assert.Equal(["companyId"], rows.ShouldFailWith("NOT_FOUND").Fields);
    }
}
