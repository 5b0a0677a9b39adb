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

        // The score weighs reach and results, which are withheld: with the published weights it would give them away.
        Assert.Null(own.At("score"));
        Assert.True(own.Bool("scoreSuppressed"));
        Assert.Null(own.At("overall"));

        // Reach 2 of 4, results 2 of 4, conversion 1 of 4: every count is small. The bases count placements, as
        // placementsStarted and placementsEnded do, and are shown.
        foreach (var (rate, @base) in new[] { ("reach", 4), ("workOrEducation", 4), ("conversion", 4), ("selfSupportingAfter1Month", 3) })
        {
            Assert.True(m.Bool(rate + ".suppressed"), rate);
            Assert.Null(m.At(rate + ".count"));
            Assert.Equal(@base, m.Int(rate + ".base"));
            Assert.Null(m.At(rate + ".rate"));
        }

        Assert.Null(m.At("freeLabourRisk"));
        Assert.True(m.Bool("endedOrdinaryJob.suppressed"));
        Assert.Null(m.At("endedOrdinaryJob.value"));

        // With one end result withheld all are, zeros too: a zero next to a withheld count narrows it down.
        Assert.True(m.Bool("endedFlexJob.suppressed"));
        Assert.Null(m.At("endedFlexJob.value"));
        AssertRate(m.At("selfSupportingAfter12Months"), 0, 0);
    }

    [Fact]
    public async Task A_company_user_gets_its_position_among_peers_without_small_groups_medians()
    {
        // May 2025: a vacancy posted and a placement running, no outcome to withhold: (0.5 × 2 + 0.1 × 31 / 7) per 40 employees.
        var own = (await world.AlphaUser.QueryAsync(PartnerYield, new { id = world.Id("Alpha"), period = "2025-05" }))["partnerYield"]!;

        Assert.Equal(3.61, own.Double("score"));
        Assert.False(own.Bool("scoreSuppressed"));
        Assert.Equal("1 of 7", own.Text("overall.label"));
        Assert.Equal(100, own.Double("overall.percentile"));
        Assert.Equal(0, own.Double("overall.medianScore"));
        Assert.False(own.Bool("overall.medianSuppressed"));
        Assert.Equal("1 of 3", own.Text("inIndustrySection.label"));
        Assert.True(own.Bool("inIndustrySection.medianSuppressed"));
        Assert.Null(own.At("inIndustrySection.medianScore"));
        Assert.Equal("1 of 4", own.Text("inSizeBand.label"));
        Assert.Null(own.At("inSizeBand.medianScore"));
    }

    [Fact]
    public async Task A_count_small_in_any_month_is_withheld_over_the_year_too()
    {
        var m = (await world.OmegaUser.QueryAsync(PartnerYield, new { id = world.Id("Omega"), period = "2025" }))["partnerYield"]!["measures"];

        // Twelve internships ended over the year, five hired and seven back on benefits, but two or three a month:
        // the year's figures minus the other months' would give a month's small count away.
        Assert.Equal(12, m.Int("placementsStarted"));
        foreach (var rate in new[] { "conversion", "workOrEducation", "reach" })
        {
            Assert.True(m.Bool(rate + ".suppressed"), rate);
            Assert.Null(m.At(rate + ".count"));
        }

        Assert.Equal(12, m.Int("reach.base"));
        Assert.Null(m.At("endedBackOnBenefits.value"));
        Assert.Null(m.At("freeLabourRisk"));
    }

    [Fact]
    public async Task A_company_user_reads_its_figures_over_every_target_group_and_without_outcomes_per_offer_kind()
    {
        var id = world.Id("Alpha");
        var byGroup = await world.AlphaUser.SendAsync(PartnerYield, new { id, period = "2025-05", group = "INTEGRATION" });
        var trendByGroup = await world.AlphaUser.SendAsync("query($id: ID) { yieldTrend(companyId: $id, from: \"2025\", to: \"2025\", targetGroup: INTEGRATION) { range } }", new { id });
        var byKind = (await world.AlphaUser.QueryAsync(PartnerYield, new { id, period = "2025-05", kind = "WAGE_SUBSIDY" }))["partnerYield"]!;
        var staffByGroup = (await world.Manager.QueryAsync(PartnerYield, new { id, period = "2025-05", group = "INTEGRATION" }))["partnerYield"]!;

        byGroup.ShouldFailWith("FORBIDDEN");
        trendByGroup.ShouldFailWith("FORBIDDEN");
        Assert.True(byKind.Bool("measures.endedEducation.suppressed"));
        Assert.Null(byKind.At("measures.endedEducation.value"));
        Assert.Null(byKind.At("score"));
        Assert.Equal(0, staffByGroup.Int("measures.placementsStarted"));
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
