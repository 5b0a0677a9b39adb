using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Companies;

/// <summary>
/// The consultant's upkeep of a company over HTTP with a sign-in cookie, posting the forms as a browser does (with the
/// antiforgery token of the page shown): master data, pledges, workplaces and registering a company. Each goes through
/// the core's handler: a save redirects back to the company page, a refused input comes back in Danish beside its
/// field, and a role the core does not allow gets neither the link nor the form.
/// </summary>
public sealed partial class CompanyUpkeepPagesTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_consultant_edits_the_master_data_from_the_company_page()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var consultant = await SignInWithCookieAsync(cast.Consultant.Email);
        var id = cast.CompanyGuid;

        var page = await GetAsync(consultant, $"/virksomheder/{id}");
        Assert.Contains($"href=\"/virksomheder/{id}/rediger\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Redigér stamdata", page.Html, StringComparison.Ordinal);

        var form = await GetAsync(consultant, $"/virksomheder/{id}/rediger");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("value=\"Cast A/S\"", form.Html, StringComparison.Ordinal);
        var consultantId = await UserIdAsync(cast.Consultant.Email);
        var saved = await PostAsync(consultant, $"/virksomheder/{id}/rediger", form.Html, "company", With(
            MasterData("Cast Omdøbt A/S", "9000", version: "1"), ("status", "Active"), ("indmeldt", "01.02.2026"), ("konsulent", consultantId)));

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Html);
        Assert.Equal($"/virksomheder/{id}?udfoert=gemt", saved.Location);
        await using (var db = factory.NewDbContext())
        {
            var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal("Cast Omdøbt A/S", company.Name);
            Assert.Equal(MembershipStatus.Active, company.MembershipStatus);
            Assert.Equal(new DateOnly(2026, 2, 1), company.JoinedOn);
            Assert.Equal(consultantId, company.ResponsibleConsultantId);
            Assert.Equal(2, company.Version);
        }

        var after = await GetAsync(consultant, saved.Location!);
        Assert.Contains("Stamdata er gemt.", after.Html, StringComparison.Ordinal);
        Assert.Contains("<h1>Cast Omdøbt A/S</h1>", after.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_postcode_and_a_stale_version_come_back_in_Danish_beside_their_fields()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var consultant = await SignInWithCookieAsync(cast.Consultant.Email);
        var id = cast.CompanyGuid;
        var form = await GetAsync(consultant, $"/virksomheder/{id}/rediger");

        var refused = await PostAsync(consultant, $"/virksomheder/{id}/rediger", form.Html, "company", MasterData("Cast A/S", "0000", version: "1"));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("<a href=\"#postnummer\" class=\"function-link\">Postnummer: '0000' er ikke et dansk postnummer.</a>", refused.Html, StringComparison.Ordinal);
        Assert.Matches("id=\"postnummer-error\"><span class=\"sr-only\">[^<]*</span> Postnummer: '0000' er ikke et dansk postnummer.", refused.Html);
        Assert.Contains("aria-describedby=\"postnummer-error\" aria-invalid=\"true\"", refused.Html, StringComparison.Ordinal);

        var stale = await PostAsync(consultant, $"/virksomheder/{id}/rediger", form.Html, "company", MasterData("Cast A/S", "9000", version: "7"));

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("Oplysningerne er i version 1, men du sendte version 7", stale.Html, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.Equal(1, (await db.Companies.AsNoTracking().SingleAsync(c => c.Id == id)).Version);
    }

    [Fact]
    public async Task A_manager_and_a_company_user_get_no_edit_link_and_the_cores_refusal_of_the_form()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var id = cast.CompanyGuid;
        foreach (var (email, role) in new[] { (cast.Manager.Email, "leder"), (cast.CompanyUser.Email, "virksomhedsbruger") })
        {
            var client = await SignInWithCookieAsync(email);
            var page = await GetAsync(client, $"/virksomheder/{id}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("/rediger\"", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Redigér stamdata", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("/arbejdssteder/nyt", page.Html, StringComparison.Ordinal);

            foreach (var path in new[] { $"/virksomheder/{id}/rediger", $"/virksomheder/{id}/arbejdssteder/nyt", "/virksomheder/ny" })
            {
                var refused = await GetAsync(client, path);
                Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{role} {path}: {refused.Status}");
                Assert.Contains($"Rollen {role} må ikke gøre dette.", refused.Html, StringComparison.Ordinal);
                Assert.DoesNotContain("-form\"", refused.Html, StringComparison.Ordinal);
            }
        }

        var manager = await SignInWithCookieAsync(cast.Manager.Email);
        Assert.DoesNotContain("href=\"/virksomheder/ny\"", (await GetAsync(manager, "/virksomheder")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consultant_records_a_pledge_sees_it_on_the_company_page_and_removes_it()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var consultant = await SignInWithCookieAsync(cast.Consultant.Email);
        var id = cast.CompanyGuid;
        var page = await GetAsync(consultant, $"/virksomheder/{id}");
        Assert.Contains("Virksomheden har ingen tilsagn endnu.", page.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/virksomheder/{id}/tilsagn/nyt\"", page.Html, StringComparison.Ordinal);

        var form = await GetAsync(consultant, $"/virksomheder/{id}/tilsagn/nyt");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var recorded = await PostAsync(consultant, $"/virksomheder/{id}/tilsagn/nyt", form.Html, "pledge", new Dictionary<string, string>
        {
            ["fra"] = "01.01.2027",
            ["til"] = "31.12.2027",
            ["ordinaere"] = "2",
            ["praktik"] = "3",
            ["maalgrupper"] = "InsuredUnemployed",
            ["note"] = "Aftalt på mødet",
        });

        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Equal($"/virksomheder/{id}?udfoert=tilsagn#tilsagn", recorded.Location);
        page = await GetAsync(consultant, $"/virksomheder/{id}?udfoert=tilsagn");
        Assert.Contains("Tilsagnet er registreret.", page.Html, StringComparison.Ordinal);
        Assert.Contains("2 ordinære job, 3 praktikpladser, 0 løntilskudsjob", page.Html, StringComparison.Ordinal);
        Assert.Contains("Aftalt på mødet", page.Html, StringComparison.Ordinal);

        await using (var db = factory.NewDbContext())
        {
            var pledge = await db.Pledges.AsNoTracking().SingleAsync(p => p.CompanyId == id);
            Assert.Equal((new DateOnly(2027, 1, 1), 2, 3), (pledge.PeriodStart, pledge.OrdinaryJobs, pledge.Internships));
            Assert.Equal([Api.Features.TargetGroup.InsuredUnemployed], pledge.TargetGroups);
            var removed = await PostAsync(consultant, $"/virksomheder/{id}", page.Html, "pledge-remove", new Dictionary<string, string> { ["fjern"] = $"{pledge.Id}:{pledge.Version}" });
            Assert.Equal(HttpStatusCode.Redirect, removed.Status);
            Assert.Equal($"/virksomheder/{id}?udfoert=tilsagn-fjernet#tilsagn", removed.Location);
        }

        await using (var db = factory.NewDbContext())
        {
            Assert.False(await db.Pledges.AnyAsync(p => p.CompanyId == id));
        }
    }

    [Fact]
    public async Task A_pledge_of_nothing_and_an_unreadable_count_are_refused_in_Danish_beside_their_fields()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var consultant = await SignInWithCookieAsync(cast.Consultant.Email);
        var id = cast.CompanyGuid;
        var form = await GetAsync(consultant, $"/virksomheder/{id}/tilsagn/nyt");

        var empty = await PostAsync(consultant, $"/virksomheder/{id}/tilsagn/nyt", form.Html, "pledge", new Dictionary<string, string> { ["fra"] = "01.01.2027", ["til"] = "31.12.2027" });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("<a href=\"#ordinaere\" class=\"function-link\">Ordinære job: en partnerskabsaftale skal love noget", empty.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"ordinaere-error\"", empty.Html, StringComparison.Ordinal);

        var unreadable = await PostAsync(consultant, $"/virksomheder/{id}/tilsagn/nyt", form.Html, "pledge", new Dictionary<string, string> { ["fra"] = "01.01.2027", ["til"] = "31.12.2027", ["praktik"] = "tre" });
        Assert.Contains("<a href=\"#praktik\" class=\"function-link\">Skriv et helt tal, fx 2.</a>", unreadable.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"tre\"", unreadable.Html, StringComparison.Ordinal);

        await using var db = factory.NewDbContext();
        Assert.False(await db.Pledges.AnyAsync(p => p.CompanyId == id));
    }

    [Fact]
    public async Task A_company_user_sees_no_pledge_link_and_is_refused_the_pledge_form_by_the_core()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var id = cast.CompanyGuid;
        var companyUser = await SignInWithCookieAsync(cast.CompanyUser.Email);

        var page = await GetAsync(companyUser, $"/virksomheder/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("/tilsagn/nyt", page.Html, StringComparison.Ordinal);
        var refused = await GetAsync(companyUser, $"/virksomheder/{id}/tilsagn/nyt");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Rollen virksomhedsbruger må ikke gøre dette.", refused.Html, StringComparison.Ordinal);

        // A manager may record pledges (the core allows it), so gets the link.
        var manager = await SignInWithCookieAsync(cast.Manager.Email);
        Assert.Contains($"href=\"/virksomheder/{id}/tilsagn/nyt\"", (await GetAsync(manager, $"/virksomheder/{id}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consultant_adds_a_workplace_and_edits_its_headcount_and_a_bad_P_number_is_refused_beside_its_field()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var consultant = await SignInWithCookieAsync(cast.Consultant.Email);
        var id = cast.CompanyGuid;
        Assert.Contains($"href=\"/virksomheder/{id}/arbejdssteder/nyt\"", (await GetAsync(consultant, $"/virksomheder/{id}")).Html, StringComparison.Ordinal);
        var form = await GetAsync(consultant, $"/virksomheder/{id}/arbejdssteder/nyt");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var pNumber = TestData.NewPNumber();
        Dictionary<string, string> Workplace(string p, string employees) => new()
        {
            ["pnummer"] = p,
            ["navn"] = "Lageret",
            ["adresse"] = "Havnegade 2",
            ["postnummer"] = "9000",
            ["ansatte"] = employees,
            ["opgjort"] = "15.01.2026",
            ["gennemsnit"] = "38,5",
        };

        var refused = await PostAsync(consultant, $"/virksomheder/{id}/arbejdssteder/nyt", form.Html, "workplace", Workplace("123", "40"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("<a href=\"#pnummer\" class=\"function-link\">P-nummer: '123' er ikke et P-nummer (10 cifre).</a>", refused.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"pnummer-error\"", refused.Html, StringComparison.Ordinal);

        var added = await PostAsync(consultant, $"/virksomheder/{id}/arbejdssteder/nyt", form.Html, "workplace", Workplace(pNumber, "40"));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal($"/virksomheder/{id}?udfoert=arbejdssted", added.Location);
        Guid workplaceId;
        await using (var db = factory.NewDbContext())
        {
            var workplace = await db.Workplaces.AsNoTracking().SingleAsync(w => w.CompanyId == id);
            Assert.Equal((pNumber, 40, new DateOnly(2026, 1, 1), 38.5m), (workplace.PNumber, workplace.OrdinaryEmployees, workplace.EmployeesReportedFor, workplace.AverageEmployees12Months));
            workplaceId = workplace.Id;
        }

        var page = await GetAsync(consultant, added.Location!);
        Assert.Contains("Arbejdsstedet er gemt.", page.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/virksomheder/{id}/arbejdssteder/{workplaceId}/rediger\"", page.Html, StringComparison.Ordinal);
        var edit = await GetAsync(consultant, $"/virksomheder/{id}/arbejdssteder/{workplaceId}/rediger");
        Assert.Contains($"value=\"{pNumber}\"", edit.Html, StringComparison.Ordinal);
        var edited = await PostAsync(consultant, $"/virksomheder/{id}/arbejdssteder/{workplaceId}/rediger", edit.Html, "workplace", Workplace(pNumber, "55"));
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        await using (var db = factory.NewDbContext())
        {
            Assert.Equal(55, (await db.Workplaces.AsNoTracking().SingleAsync(w => w.Id == workplaceId)).OrdinaryEmployees);
        }

        var otherCompanysWorkplace = await GetAsync(consultant, $"/virksomheder/{GlobalId.Parse(cast.OtherCompanyId, "Company", "companyId")}/arbejdssteder/{workplaceId}/rediger");
        Assert.Equal(HttpStatusCode.NotFound, otherCompanysWorkplace.Status);
    }

    [Fact]
    public async Task A_consultant_registers_a_company_from_the_list_and_a_bad_CVR_is_refused_beside_its_field()
    {
        var consultantUser = await factory.CreateUserAsync("CONSULTANT");
        var consultant = await SignInWithCookieAsync(consultantUser.Email);
        Assert.Contains("href=\"/virksomheder/ny\"", (await GetAsync(consultant, "/virksomheder")).Html, StringComparison.Ordinal);
        var form = await GetAsync(consultant, "/virksomheder/ny");
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var refused = await PostAsync(consultant, "/virksomheder/ny", form.Html, "company", With(MasterData("Ny Smedje ApS", "9000"), ("cvr", "12345678")));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("<a href=\"#cvr\" class=\"function-link\">CVR-nummer: '12345678' er ikke et gyldigt CVR-nummer", refused.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"cvr-error\"", refused.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ny Smedje ApS\"", refused.Html, StringComparison.Ordinal);

        var cvr = TestData.NewCvr();
        var registered = await PostAsync(consultant, "/virksomheder/ny", form.Html, "company", With(MasterData("Ny Smedje ApS", "9000"), ("cvr", cvr)));
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        await using var db = factory.NewDbContext();
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Cvr == cvr);
        Assert.Equal($"/virksomheder/{company.Id}?udfoert=oprettet", registered.Location);
        Assert.Equal(("Ny Smedje ApS", MembershipStatus.Prospect), (company.Name, company.MembershipStatus));
        Assert.Contains("Virksomheden er registreret.", (await GetAsync(consultant, registered.Location!)).Html, StringComparison.Ordinal);
    }

    /// <summary>The master-data form as a consultant fills it; tests change single entries.</summary>
    private static Dictionary<string, string> MasterData(string name, string postcode, string? version = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["sendt"] = "ja",
            ["navn"] = name,
            ["branchekode"] = "620100",
            ["adresse"] = "Boulevarden 1",
            ["postnummer"] = postcode,
            ["sektor"] = "Private",
            ["status"] = "Prospect",
            ["indmeldt"] = "",
            ["konsulent"] = "",
        };
        if (version is not null)
        {
            fields["version"] = version;
        }

        return fields;
    }

    /// <summary>Posts a page's form as a browser would: with the antiforgery token of the page the user was shown.</summary>
    private static async Task<PageAnswer> PostAsync(HttpClient client, string path, string shownHtml, string formName, Dictionary<string, string> fields)
    {
        var token = AntiforgeryToken().Match(shownHtml).Groups["token"].Value;
        Assert.False(string.IsNullOrEmpty(token), "the page shown has no antiforgery token");
        var body = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token };
        using var form = new FormUrlEncodedContent(body);
        using var response = await client.PostAsync(path, form);
        return new PageAnswer(response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), PathOf(response.Headers.Location));
    }

    private static async Task<PageAnswer> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        // Blazor writes letters beyond ASCII as character references (å as &#xE5;): compare the text as a browser shows it.
        return new PageAnswer(response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), PathOf(response.Headers.Location));
    }

    /// <summary>A redirect's target as this site's path and query (the test server answers with absolute addresses).</summary>
    private static string? PathOf(Uri? location) => location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery + location.Fragment : location.OriginalString;

    private async Task<HttpClient> SignInWithCookieAsync(string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email, password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = factory.NewDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private sealed record PageAnswer(HttpStatusCode Status, string Html, string? Location);

    /// <summary>A copy of the form's fields with some entries changed.</summary>
    private static Dictionary<string, string> With(Dictionary<string, string> fields, params (string Key, string Value)[] changes)
    {
        var copy = new Dictionary<string, string>(fields);
        foreach (var (key, value) in changes)
        {
            copy[key] = value;
        }

        return copy;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
