using System.Net;
using System.Text.RegularExpressions;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Api.Web;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Yield.Monitoring;
using CrmAlliance.IntegrationTests.Yield.Reports;

namespace CrmAlliance.IntegrationTests.Yield.Pages;

/// <summary>
/// The manager's dashboard pages over HTTP on MonitoringWorld's 2025 alliance: who may open them (the core's
/// ManagementDashboard refuses everyone but managers and Admins) and what they show.
/// </summary>
public sealed partial class DashboardPagesTests(MonitoringWorld world) : IClassFixture<MonitoringWorld>
{
    private const string Refusal = "Ledelsens overblik er kun for ledere og administratorer.";

    public static TheoryData<string> Pages => new()
    {
        "/ledelse?periode=2025",
        "/ledelse/rangliste?periode=2025",
        $"/ledelse/rangliste/{Guid.Empty}?periode=2025&maal=PlacementsStarted",
        "/ledelse/gratis-arbejdskraft?periode=2025",
        "/ledelse/effektmaal?periode=2025",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_consultant_and_a_company_user_are_refused_every_dashboard_page_in_Danish(string page)
    {
        foreach (var client in new[] { world.Consultant, world.CompanyUser })
        {
            var (response, body) = await GetAsync(client, page);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Du har ikke adgang til siden", body, StringComparison.Ordinal);
            Assert.Contains(Refusal, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Virksomhed C", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string page)
    {
        using var client = world.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/log-ind", response.Headers.Location!.AbsolutePath);
        Assert.Equal("?returnUrl=" + Uri.EscapeDataString(page), response.Headers.Location.Query);
    }

    [Fact]
    public async Task The_dashboard_shows_the_periods_members_quarters_and_dormant_partners_in_Danish_numbers()
    {
        var (response, body) = await GetAsync(world.Manager, "/ledelse?periode=2025");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"<dt>Medlemmer</dt><dd>9</dd>", body);
        Assert.Matches(@"<dt>Aktive partnere</dt><dd>5 \(55,6\s%\)</dd>", body);
        Assert.Matches(@"<dt>Passive partnere</dt><dd>4</dd>", body);
        Assert.Matches(@"<dt>Påbegyndte forløb</dt><dd>54</dd>", body);
        Assert.Matches(@"<dt>Job eller uddannelse ved afslutning</dt><dd>47,9\s% \(23/48\)</dd>", body);

        // The trend: the monitoring report's SVG with its own title, and the same figures as a table.
        Assert.Contains("<svg", body, StringComparison.Ordinal);
        Assert.Contains("trend-chart-title", body, StringComparison.Ordinal);
        Assert.Equal(4, Rows(body, "trend-table").Count);
        Assert.Contains("1. kvt. 2025", body, StringComparison.Ordinal);

        // Longest dormant first: the four dormant members, none of them ever active.
        var dormant = Rows(body, "dormant");
        Assert.Equal(4, dormant.Count);
        Assert.All(dormant, row => Assert.Contains("Aldrig", row, StringComparison.Ordinal));

        Assert.Contains("/reports/monitoring.html?period=2025", body, StringComparison.Ordinal);
        Assert.Contains("/reports/monitoring.csv?period=2025&lang=da", body, StringComparison.Ordinal);
        Assert.Contains("/exports/placements.csv?period=2025&separator=semicolon", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_English_the_dashboard_links_the_monitoring_CSV_in_its_English_form()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/ledelse?periode=2025", UriKind.Relative));
        request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString("c=da-DK|uic=en"));
        using var response = await world.Manager.SendAsync(request);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The monitoring report as CSV", body, StringComparison.Ordinal);
        Assert.Contains("/reports/monitoring.csv?period=2025&lang=en", body, StringComparison.Ordinal);
        Assert.Contains("/exports/placements.csv?period=2025&separator=semicolon", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ranking_filters_sorts_and_links_each_figure_to_the_rows_behind_it()
    {
        var (response, body) = await GetAsync(world.Admin, "/ledelse/rangliste?periode=2025&branche=G&sorter=navn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("3 medlemmer i 2025", body, StringComparison.Ordinal);
        var rows = Rows(body, "ranking");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Contains(">G<", row, StringComparison.Ordinal));

        // Ascending by the number of employees: the member without employees first.
        var (_, byEmployees) = await GetAsync(world.Admin, "/ledelse/rangliste?periode=2025&sorter=ansatte");
        Assert.Contains("Virksomhed Q", Rows(byEmployees, "ranking")[0], StringComparison.Ordinal);

        // The first member by rank placed the most: its 20 placements are the rows behind the figure.
        var (_, byRank) = await GetAsync(world.Admin, "/ledelse/rangliste?periode=2025");
        var drill = DrillLink().Match(Rows(byRank, "ranking")[0]).Groups["href"].Value;
        Assert.Contains("maal=PlacementsStarted", drill, StringComparison.Ordinal);
        var (drillResponse, drillBody) = await GetAsync(world.Manager, drill);
        Assert.Equal(HttpStatusCode.OK, drillResponse.StatusCode);
        Assert.Contains("20 rækker", drillBody, StringComparison.Ordinal);
        Assert.Equal(20, Rows(drillBody, "drill-rows").Count);
        Assert.Contains("Ordinært job", Rows(drillBody, "drill-rows")[0], StringComparison.Ordinal);
    }

    public static TheoryData<string, string> RateDrills => new()
    {
        { "FarFromMarketStarted", "reach" },
        { "WorkOrEducation", "workOrEducation" },
        { "ConvertedToOrdinaryJob", "conversion" },
        { "SelfSupporting6", "selfSupportingAfter6Months" },
    };

    [Theory]
    [MemberData(nameof(RateDrills))]
    public async Task A_rates_drill_down_lists_its_base_marking_the_rows_its_count_takes_so_they_add_up_to_the_figure(string measure, string rate)
    {
        var (_, ranking) = await GetAsync(world.Manager, "/ledelse/rangliste?periode=2025");
        var companies = CompanyLink().Matches(ranking).Select(m => m.Groups["id"].Value).Distinct().ToList();
        Assert.Equal(9, companies.Count);
        var staff = new GraphQLClient(world.Admin);
        var checkedRates = 0;
        foreach (var id in companies)
        {
            var figures = await staff.QueryAsync(YieldQueries.PartnerYield, new { id = GlobalId.Encode("Company", Guid.Parse(id)), period = "2025" });
            var (count, total) = (figures.Int($"partnerYield.measures.{rate}.count"), figures.Int($"partnerYield.measures.{rate}.base"));
            var (marked, rows) = (0, 0);
            for (var page = 1; page <= ListPaging.PageCount(total); page++)
            {
                var (response, body) = await GetAsync(world.Manager, $"/ledelse/rangliste/{id}?periode=2025&maal={measure}&side={page}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                if (total == 0)
                {
                    Assert.Contains("data-testid=\"no-rows\"", body, StringComparison.Ordinal);
                    break;
                }

                Assert.Contains($">{count} af {total} (", body, StringComparison.Ordinal);
                Assert.Contains("<th scope=\"col\" class=\"text-align-right\">Tæller med</th>", body, StringComparison.Ordinal);
                var table = Regex.Match(body, "<table[^>]*data-testid=\"drill-rows\"[^>]*>.*?</table>", RegexOptions.Singleline).Value;
                marked += Regex.Count(table, "<tr data-counts=\"true\">");
                rows += Rows(body, "drill-rows").Count;
            }

            Assert.True((count, total) == (marked, rows), $"{measure} of {id}: {marked} marked of {rows} rows, figure {count} of {total}");
            checkedRates += total > 0 ? 1 : 0;
        }

        Assert.True(checkedRates > 0);
    }

    [Fact]
    public async Task Free_labour_alerts_list_the_company_with_many_ended_wage_subsidies_and_few_hires()
    {
        var (response, body) = await GetAsync(world.Manager, "/ledelse/gratis-arbejdskraft?periode=2025");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(body, "free-labour");
        var alert = Assert.Single(rows);
        Assert.Contains("Virksomhed F", alert, StringComparison.Ordinal);
        Assert.Contains("10,0", alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_effect_targets_show_the_results_and_a_bad_period_is_refused_beside_its_field_in_Danish()
    {
        var (_, body) = await GetAsync(world.Manager, "/ledelse/effektmaal?periode=2025");
        Assert.Equal(6, Rows(body, "target-results").Count);
        Assert.Contains("Ikke opfyldt", body, StringComparison.Ordinal);

        var (response, refused) = await GetAsync(world.Manager, "/ledelse?periode=2025-13");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"error-summary\"", refused, StringComparison.Ordinal);
        Assert.Contains("href=\"#periode\"", refused, StringComparison.Ordinal);
        Assert.Contains("Periode: ", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", refused, StringComparison.Ordinal);
    }

    /// <summary>The page with its text decoded (Blazor writes æ, ø and å as character references).</summary>
    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient client, string url)
    {
        var (response, body) = await MonitoringWorld.GetAsync(client, url);
        return (response, WebUtility.HtmlDecode(body));
    }

    /// <summary>The body rows of the table with the test id.</summary>
    private static List<string> Rows(string html, string testId)
    {
        var table = Regex.Match(html, $"<table[^>]*data-testid=\"{testId}\"[^>]*>(?<table>.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"No table {testId}.");
        var body = Regex.Match(table.Groups["table"].Value, "<tbody>(?<rows>.*?)</tbody>", RegexOptions.Singleline).Groups["rows"].Value;
        return Regex.Matches(body, "<tr[^>]*>(?<row>.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups["row"].Value).ToList();
    }

    [GeneratedRegex("href=\"(?<href>/ledelse/rangliste/[^\"]*maal=PlacementsStarted[^\"]*)\"")]
    private static partial Regex DrillLink();

    [GeneratedRegex("href=\"/ledelse/rangliste/(?<id>[0-9a-f-]{36})\\?")]
    private static partial Regex CompanyLink();
}
