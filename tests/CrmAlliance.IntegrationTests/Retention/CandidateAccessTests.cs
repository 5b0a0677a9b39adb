using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Retention;

/// <summary>
/// The right of access: everything held on one case reference, for Admins only (GraphQL, the printable page, the JSON
/// download); other roles are refused with FORBIDDEN, an unknown reference with NOT_FOUND that does not repeat it.
/// </summary>
public sealed class CandidateAccessTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string Report = "query($ref: String!) { candidateAccessReport(caseReference: $ref) { caseReference placementCount matchSuggestionCount auditEntryCount document } }";

    [Fact]
    public async Task The_report_holds_the_attributes_placements_with_outcomes_match_suggestions_and_the_audit_entries_about_the_candidate()
    {
        var (reference, companyName) = await ArrangeAsync();
        var admin = await factory.SignInAsAdminAsync();

        var report = (await admin.QueryAsync(Report, new { @ref = reference }))["candidateAccessReport"]!;

        Assert.Equal((reference, 1), (report["caseReference"]!.GetValue<string>(), report["placementCount"]!.GetValue<int>()));
        var document = JsonNode.Parse(report["document"]!.GetValue<string>())!;
        Assert.Equal(reference, document["candidate"]!["caseReference"]!.GetValue<string>());
        Assert.Equal(["Kold køkken", "Hygiejnebevis"], document["candidate"]!["skills"]!.AsArray().Select(s => s!.GetValue<string>()));
        var placement = document["placements"]!.AsArray().Single()!;
        Assert.Equal((companyName, "Completed"), (placement["companyName"]!.GetValue<string>(), placement["status"]!.GetValue<string>()));
        Assert.Equal("Education", placement["outcomes"]!.AsArray().Single()!["endResult"]!.GetValue<string>());
        Assert.Equal("Ingen fortrængning af ordinært ansatte.", placement["employeeRepStatement"]!["comment"]!.GetValue<string>());
        // From the audit trail: the candidate's registration (with its values, decrypted) and their placement's steps.
        var audit = document["auditEntries"]!.AsArray().Select(e => e!).ToList();
        Assert.Equal(report["auditEntryCount"]!.GetValue<int>(), audit.Count);
        var registered = Assert.Single(audit, e => e["action"]!.GetValue<string>() == "Created" && e["entity"]!.GetValue<string>().StartsWith("Candidate ", StringComparison.Ordinal));
        Assert.True(registered["details"]!.GetValue<string>().Contains("Kold køkken", StringComparison.Ordinal), registered["details"]!.GetValue<string>());
        Assert.Contains(audit, e => e["entity"]!.GetValue<string>().StartsWith("Placement ", StringComparison.Ordinal));
        Assert.NotNull(document["matchSuggestions"]);
    }

    [Theory]
    [InlineData("CONSULTANT")]
    [InlineData("MANAGER")]
    [InlineData("COMPANY")]
    public async Task Only_an_admin_may_read_it(string role)
    {
        var (reference, _) = await ArrangeAsync();
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var companyId = role == "COMPANY" ? await consultant.RegisterCompanyAsync("Indsigt " + TestData.UniqueLetters(6) + " ApS") : null;
        var user = await factory.CreateUserAsync(role, companyId);

        (await user.Client.SendAsync(Report, new { @ref = reference })).ShouldFailWith("FORBIDDEN");
        using var browser = await SignInWithCookieAsync(user.Email);
        using var page = await browser.GetAsync(new Uri("/admin/indsigt?reference=" + Uri.EscapeDataString(reference), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("data-testid=\"access-report\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var download = await browser.GetAsync(new Uri("/admin/indsigt.json?reference=" + Uri.EscapeDataString(reference), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
    }

    [Fact]
    public async Task An_unknown_reference_is_not_found_without_repeating_it()
    {
        var admin = await factory.SignInAsAdminAsync();
        var unknown = "SAG-" + TestData.UniqueLetters(10);

        var response = (await admin.SendAsync(Report, new { @ref = unknown })).ShouldFailWith("NOT_FOUND");

        Assert.Equal(["caseReference"], response.Fields);
        Assert.DoesNotContain(unknown, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printable_page_and_the_download_show_the_report_to_an_admin()
    {
        var (reference, companyName) = await ArrangeAsync();
        using var browser = await SignInWithCookieAsync(CrmApiFactory.AdminEmail, CrmApiFactory.AdminPassword);

        using var page = await browser.GetAsync(new Uri("/admin/indsigt?reference=" + Uri.EscapeDataString(reference), UriKind.Relative));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"access-report\"", html, StringComparison.Ordinal);
        Assert.Contains(reference, html, StringComparison.Ordinal);
        Assert.Contains(companyName, html, StringComparison.Ordinal);
        Assert.Contains("Indsigt: alt om en kandidat", html, StringComparison.Ordinal);

        using var download = await browser.GetAsync(new Uri("/admin/indsigt.json?reference=" + Uri.EscapeDataString(reference), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var document = (await download.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.Equal(reference, document["candidate"]!["caseReference"]!.GetValue<string>());
    }

    /// <summary>A registered candidate with a completed internship and its end outcome; returns the reference and the company's name.</summary>
    private async Task<(string Reference, string CompanyName)> ArrangeAsync()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var registered = await consultant.RegisterCandidateAsync();
        var candidate = new TestCandidate(registered.CandidateGuid(), registered["id"]!.GetValue<string>(), registered["displayAlias"]!.GetValue<string>());
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 60);
        var ended = await consultant.CompletedInternshipAsync(candidate, workplace, Today.AddDays(-5));
        await consultant.MutateOkAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = 0, endResult = "EDUCATION" }, OutcomeFields);
        return (registered["caseReference"]!.GetValue<string>(), $"Praktik {workplace.Cvr} ApS");
    }

    private async Task<HttpClient> SignInWithCookieAsync(string email, string password = TestUsers.Password)
    {
        var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email, password });
        response.EnsureSuccessStatusCode();
        return client;
    }
}
