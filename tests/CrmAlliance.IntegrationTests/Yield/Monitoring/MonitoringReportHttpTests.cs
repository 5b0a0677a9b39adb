using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Yield.Monitoring;

/// <summary>Who may fetch the monitoring report, and how refusals look.</summary>
public sealed class MonitoringReportHttpTests(MonitoringWorld world) : IClassFixture<MonitoringWorld>
{
    public static TheoryData<string> Formats => new() { "csv", "html" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Anonymous_callers_get_401_and_staff_other_than_managers_and_Admins_403(string format)
    {
        var anonymous = await MonitoringWorld.GetAsync(world.Factory.CreateClient(), $"/reports/monitoring.{format}?period=2025-13");
        var consultant = await MonitoringWorld.GetAsync(world.Consultant, $"/reports/monitoring.{format}?period=2025");
        var company = await MonitoringWorld.GetAsync(world.CompanyUser, $"/reports/monitoring.{format}?period=2025");
        var admin = await MonitoringWorld.GetAsync(world.Admin, $"/reports/monitoring.{format}?period=2025");

        AssertProblem(anonymous, HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        AssertProblem(consultant, HttpStatusCode.Forbidden, "FORBIDDEN");
        AssertProblem(company, HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(HttpStatusCode.OK, admin.Response.StatusCode);
        Assert.Equal(format == "csv" ? "text/csv" : "text/html", MonitoringWorld.ContentType(admin.Response)!.MediaType);
        Assert.Equal("utf-8", MonitoringWorld.ContentType(admin.Response)!.CharSet);
        Assert.Equal("no-store", admin.Response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("")]
    [InlineData("last year")]
    public async Task A_bad_or_missing_period_is_400_with_a_VALIDATION_problem_naming_the_field(string period)
    {
        var (response, body) = await MonitoringWorld.GetAsync(world.Manager, $"/reports/monitoring.csv?period={Uri.EscapeDataString(period)}");

        var problem = AssertProblem((response, body), HttpStatusCode.BadRequest, "VALIDATION");
        Assert.Equal("period", problem["field"]!.GetValue<string>());
        Assert.Equal("period", problem["errors"]![0]!["field"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_manager_signed_in_with_the_cookie_gets_the_page()
    {
        var client = world.Factory.CreateClient();
        var manager = await world.Factory.CreateUserAsync("MANAGER");
        using (var login = await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email = manager.Email, password = TestUsers.Password }))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        var (response, body) = await MonitoringWorld.GetAsync(client, "/reports/monitoring.html?period=2025-Q2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("2025-Q2", body, StringComparison.Ordinal);
    }

    private static JsonNode AssertProblem((HttpResponseMessage Response, string Body) result, HttpStatusCode status, string code)
    {
        Assert.Equal(status, result.Response.StatusCode);
        Assert.Equal("application/problem+json", MonitoringWorld.ContentType(result.Response)!.MediaType);
        var problem = JsonNode.Parse(result.Body)!;
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }
}
