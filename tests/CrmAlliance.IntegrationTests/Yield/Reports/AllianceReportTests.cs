using System.Text.Json.Nodes;
using static CrmAlliance.IntegrationTests.Yield.Reports.YieldQueries;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

/// <summary>allianceSummary, dormantPartners and yieldTrend over the hand-made alliance of the fixture.</summary>
[Collection(YieldReportsCollection.Name)]
public sealed class AllianceReportTests(YieldReportsFixture world)
{
    private const string Summary = Fragments + """
        query($period: String!, $section: String, $band: String, $consultant: ID) {
          allianceSummary(period: $period, industrySection: $section, sizeBand: $band, consultantId: $consultant) {
            period definitionVersion members activeMembers dormantMembers activeShare membersWithEmployees cooperatedMembers cooperationShare
            totals { ...M }
            byOfferKind { offerKind vacanciesPosted positionsOffered placementsStarted pledged fulfilment }
            quarters { period from to measures { placementsStarted vacanciesPosted } }
          }
        }
        """;

    private const string Dormant = """
        query($period: String!, $section: String, $consultant: ID) {
          dormantPartners(period: $period, industrySection: $section, consultantId: $consultant, first: 100) {
            totalCount period definitionVersion
            edges { node { company { name responsibleConsultantId } responsibleConsultantName lastActiveMonth contacts pledgedPositions } }
          }
        }
        """;

    private const string Trend = """
        query($id: ID, $from: String!, $to: String!, $grain: YieldGrain, $kind: OfferKind) {
          yieldTrend(companyId: $id, from: $from, to: $to, grain: $grain, offerKind: $kind) {
            company { name } range grain definitionVersion suppressionThreshold
            points { period from to score measures { placementsStarted placementDays vacanciesPosted } }
          }
        }
        """;

    [Fact]
    public async Task The_summary_counts_members_active_and_dormant_and_the_cooperation_share()
    {
        var summary = (await world.Manager.QueryAsync(Summary, new { period = "2025" }))["allianceSummary"];

        // Members: Alpha, Beta, Gamma, Delta, Epsilon, Zeta (paused) and Kappa; Zeta and Kappa did nothing in 2025.
        Assert.Equal([7, 5, 2], new[] { "members", "activeMembers", "dormantMembers" }.Select(f => summary.Int(f)));
        Assert.Equal(5 / 7.0, summary.Double("activeShare"), 6);

        // Of the six with employees (not Kappa), Alpha and Gamma had internships and Delta a mentor vacancy.
        Assert.Equal(6, summary.Int("membersWithEmployees"));
        Assert.Equal(3, summary.Int("cooperatedMembers"));
        Assert.Equal(0.5, summary.Double("cooperationShare"));
        Assert.StartsWith("2026.1 (", summary.Text("definitionVersion"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_totals_every_company_and_trends_by_quarter()
    {
        var summary = (await world.Manager.QueryAsync(Summary, new { period = "2025" }))["allianceSummary"];
        var totals = summary!["totals"];
        var byKind = summary["byOfferKind"]!.AsArray().ToDictionary(k => k.Text("offerKind"));

        // Non-members count too: Iota's vacancy of 4 and Omega's twelve internships.
        Assert.Equal(7, totals.Int("vacanciesPosted"));
        Assert.Equal(25, totals.Int("positionsOffered"));
        Assert.Equal(21, totals.Int("placementsStarted"));
        AssertRate(totals.At("conversion"), 6, 21);
        Assert.Equal(4, totals.Int("contacts"));
        Assert.Equal(19, byKind["INTERNSHIP"].Int("placementsStarted"));
        Assert.Equal(13, byKind["INTERNSHIP"].Int("positionsOffered"));
        Assert.Equal(2.0, byKind["MENTOR"].Double("pledged"));
        Assert.Equal(0, byKind["MENTOR"].Int("placementsStarted"));
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], summary["quarters"]!.AsArray().Select(q => q.Text("period")));
        Assert.Equal([19, 1, 0, 1], summary["quarters"]!.AsArray().Select(q => q.Int("measures.placementsStarted")));
        Assert.Equal("2025-04-01", summary.Text("quarters.1.from"));
    }

    [Fact]
    public async Task Filters_narrow_members_totals_kinds_and_quarters_alike()
    {
        var sectionC = (await world.Manager.QueryAsync(Summary, new { period = "2025", section = "C" }))["allianceSummary"];
        var band = (await world.Manager.QueryAsync(Summary, new { period = "2025", band = "10–49" }))["allianceSummary"];
        var consultant = (await world.Manager.QueryAsync(Summary, new { period = "2025", consultant = world.ConsultantId }))["allianceSummary"];

        // Section C: members Alpha, Beta, Gamma; totals also hold Iota's vacancy (Eta did nothing).
        Assert.Equal([3, 3, 0], new[] { "members", "activeMembers", "dormantMembers" }.Select(f => sectionC.Int(f)));
        Assert.Equal(5, sectionC.Int("totals.vacanciesPosted"));
        Assert.Equal(9, sectionC.Int("totals.placementsStarted"));
        Assert.Equal(7, sectionC!["byOfferKind"]!.AsArray().Single(k => k.Text("offerKind") == "INTERNSHIP").Int("placementsStarted"));
        Assert.Equal([7, 1, 0, 1], sectionC["quarters"]!.AsArray().Select(q => q.Int("measures.placementsStarted")));

        Assert.Equal([4, 3, 1], new[] { "members", "activeMembers", "dormantMembers" }.Select(f => band.Int(f)));
        Assert.Equal([2, 1, 1], new[] { "members", "activeMembers", "dormantMembers" }.Select(f => consultant.Int(f)));
        Assert.Equal(2, consultant.Int("membersWithEmployees"));
        Assert.Equal(1, consultant.Int("cooperatedMembers"));
    }

    [Fact]
    public async Task Dormant_partners_are_listed_longest_dormant_first()
    {
        var dormant = (await world.Consultant.QueryAsync(Dormant, new { period = "2025" }))["dormantPartners"];
        var rows = dormant!["edges"]!.AsArray().Select(e => e!["node"]).ToList();

        // Kappa was never active; Zeta last posted a vacancy in March 2024, and was visited and pledged 2 mentors for 2025.
        Assert.Equal(["Kappa", "Zeta"], dormant.Names());
        Assert.Null(rows[0].At("lastActiveMonth"));
        Assert.Equal("2024-03", rows[1].Text("lastActiveMonth"));
        Assert.Equal(1, rows[1].Int("contacts"));
        Assert.Equal(2.0, rows[1].Double("pledgedPositions"));
        Assert.Equal("Test CONSULTANT", rows[1].Text("responsibleConsultantName"));
        Assert.Equal(world.ConsultantId, rows[1].Text("company.responsibleConsultantId"));
        Assert.Equal(2, dormant.Int("totalCount"));
    }

    [Fact]
    public async Task Dormant_partners_of_a_past_period_ignore_later_activity_and_can_be_filtered()
    {
        var january2024 = (await world.Manager.QueryAsync(Dormant, new { period = "2024-01" }))["dormantPartners"];
        var mine = (await world.Manager.QueryAsync(Dormant, new { period = "2025", consultant = world.ConsultantId }))["dormantPartners"];
        var sectionJ = (await world.Manager.QueryAsync(Dormant, new { period = "2025", section = "J" }))["dormantPartners"];

        // In January 2024 no member had been active yet (Zeta's vacancy came in March): all never active, by name.
        Assert.Equal(["Alpha", "Beta", "Delta", "Epsilon", "Gamma", "Kappa", "Zeta"], january2024.Names());
        Assert.All(january2024!["edges"]!.AsArray(), e => Assert.Null(e!["node"].At("lastActiveMonth")));
        Assert.Equal(["Zeta"], mine.Names());
        Assert.Equal(["Kappa"], sectionJ.Names());
    }

    [Fact]
    public async Task A_company_trend_has_a_point_per_month_quarter_or_year()
    {
        var months = (await world.Manager.QueryAsync(Trend, new { id = world.Id("Alpha"), from = "2025-01", to = "2025-06" }))["yieldTrend"];
        var quarters = (await world.Manager.QueryAsync(Trend, new { id = world.Id("Alpha"), from = "2025-02", to = "2025-07", grain = "QUARTER" }))["yieldTrend"];
        var years = (await world.Manager.QueryAsync(Trend, new { id = world.Id("Alpha"), from = "2024", to = "2025", grain = "YEAR" }))["yieldTrend"];
        var internships = (await world.Manager.QueryAsync(Trend, new { id = world.Id("Alpha"), from = "2025-Q1", to = "2025-Q1", kind = "INTERNSHIP" }))["yieldTrend"];

        Assert.Equal("2025-01..2025-06", months.Text("range"));
        Assert.Equal("Alpha", months.Text("company.name"));
        Assert.Equal([1, 0, 1, 1, 0, 0], Points(months, "placementsStarted"));
        Assert.Equal([36, 2, 28, 30, 31, 30], Points(months, "placementDays"));
        Assert.Equal(["2025-02..2025-03", "2025-Q2", "2025-07"], quarters!["points"]!.AsArray().Select(p => p.Text("period")));
        Assert.Equal([1, 1, 0], Points(quarters, "placementsStarted"));
        Assert.Equal("2025-02-01", quarters.Text("points.0.from"));
        Assert.Equal([1, 4], Points(years, "placementsStarted"));
        Assert.Equal(49.32, years.Double("points.1.score"));
        Assert.Equal([1, 0, 1], Points(internships, "placementsStarted"));
    }

    [Fact]
    public async Task The_alliance_trend_is_for_staff_and_sums_every_company()
    {
        var trend = (await world.Manager.QueryAsync(Trend, new { from = "2025", to = "2025", grain = "QUARTER" }))["yieldTrend"];

        Assert.Null(trend.At("company"));
        Assert.Null(trend.At("suppressionThreshold"));
        Assert.Equal([19, 1, 0, 1], Points(trend, "placementsStarted"));
        Assert.Null(trend.At("points.0.score"));
    }

    private static List<int> Points(JsonNode? trend, string measure)
        => trend!["points"]!.AsArray().Select(p => p!["measures"].Int(measure)).ToList();
}
