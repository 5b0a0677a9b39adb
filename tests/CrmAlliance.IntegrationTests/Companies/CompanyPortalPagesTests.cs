using System.Net;
using System.Net.Http.Json;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;

namespace CrmAlliance.IntegrationTests.Companies;

/// <summary>
/// The company portal's pages (/virksomhed/…) over HTTP with the sign-in cookie, for each role: a company user gets its
/// own company's, staff get the core's refusal of their role, and another company's vacancy or contact is not found.
/// </summary>
public sealed class CompanyPortalPagesTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private static readonly string[] PortalPages = ["/virksomhed/opslag", "/virksomhed/opslag/nyt", "/virksomhed/forloeb", "/virksomhed/bidrag", "/virksomhed/kontaktpersoner"];

    [Fact]
    public async Task A_company_user_gets_the_portal_pages_and_staff_are_refused_them_in_Danish()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var company = await SignInWithCookieAsync(cast.CompanyUser.Email);
        foreach (var path in PortalPages)
        {
            var (status, html) = await GetAsync(company, path);
            Assert.True(status == HttpStatusCode.OK, $"{path}: {status}");
            Assert.Contains("dkfds-virkdk.min.", html, StringComparison.Ordinal);
        }

        foreach (var staff in new[] { cast.Consultant.Email, cast.Manager.Email, CrmApiFactory.AdminEmail })
        {
            var client = await SignInWithCookieAsync(staff, staff == CrmApiFactory.AdminEmail ? CrmApiFactory.AdminPassword : TestUsers.Password);
            foreach (var path in PortalPages)
            {
                var (status, html) = await GetAsync(client, path);
                Assert.True(status == HttpStatusCode.Forbidden, $"{staff} {path}: {status}");
                Assert.Contains("Du har ikke adgang til siden", html, StringComparison.Ordinal);
                Assert.Contains("må ikke gøre dette.", html, StringComparison.Ordinal);
                Assert.DoesNotContain("dkfds-virkdk.min.", html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_vacancy_list_shows_only_the_company_users_own_and_another_companys_vacancy_is_not_found()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var own = await consultant.Client.RegisterCompanyAtWorkAsync();
        var other = await consultant.Client.RegisterCompanyAtWorkAsync();
        var ownVacancy = await consultant.Client.PostVacancyAsync(new Dictionary<string, object?>(VacancyScenario.NewVacancy(own)) { ["title"] = "Egen svejser" });
        var otherVacancy = await consultant.Client.PostVacancyAsync(new Dictionary<string, object?>(VacancyScenario.NewVacancy(other)) { ["title"] = "Fremmed smed" });
        var otherContact = await consultant.Client.QueryAsync(
            "mutation($input: SaveCompanyContactInput!) { saveCompanyContact(input: $input) { id } }",
            new { input = new { companyId = other.CompanyId, name = "Fremmed Person", isEmployeeRepresentative = false } });
        var user = await factory.CreateUserAsync("COMPANY", own.CompanyId);
        var client = await SignInWithCookieAsync(user.Email);

        var (status, list) = await GetAsync(client, "/virksomhed/opslag");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Egen svejser", list, StringComparison.Ordinal);
        Assert.Contains("Mekanikerarbejde, landbrugs- og industrimaskiner (7233)", list, StringComparison.Ordinal);
        Assert.Contains("ordinært job", list, StringComparison.Ordinal);
        Assert.Contains("åben", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Fremmed smed", list, StringComparison.Ordinal);

        var ownId = GlobalId.Parse(ownVacancy["id"]!.GetValue<string>(), "Vacancy", "id");
        (status, var page) = await GetAsync(client, $"/virksomhed/opslag/{ownId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Egen svejser", page, StringComparison.Ordinal);

        var otherId = GlobalId.Parse(otherVacancy["id"]!.GetValue<string>(), "Vacancy", "id");
        (status, page) = await GetAsync(client, $"/virksomhed/opslag/{otherId}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"Stillingsopslaget {otherId} findes ikke.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Fremmed smed", page, StringComparison.Ordinal);

        var otherContactId = GlobalId.Parse(otherContact.Id("saveCompanyContact"), "CompanyContact", "id");
        (status, page) = await GetAsync(client, $"/virksomhed/kontaktpersoner/{otherContactId}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Fremmed Person", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_company_search_is_refused_to_a_company_user_by_the_core_and_served_to_a_consultant()
    {
        var cast = await RoleCast.CreateAsync(factory);

        var (status, html) = await GetAsync(await SignInWithCookieAsync(cast.CompanyUser.Email), "/virksomheder");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Rollen virksomhedsbruger må ikke gøre dette.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Anden Cast ApS", html, StringComparison.Ordinal);

        (status, html) = await GetAsync(await SignInWithCookieAsync(cast.Consultant.Email), "/virksomheder?soeg=Cast");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Anden Cast ApS", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_the_core_answers_not_found_says_so_in_Danish_with_status_404()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var unknown = Guid.NewGuid();

        var (status, html) = await GetAsync(await SignInWithCookieAsync(consultant.Email), $"/virksomheder/{unknown}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Siden findes ikke", html, StringComparison.Ordinal);
        Assert.Contains($"Virksomheden {unknown} findes ikke.", html, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInWithCookieAsync(string email, string password = TestUsers.Password)
    {
        var http = factory.CreateClient();
        using var response = await http.PostAsJsonAsync("/auth/login?useCookies=true", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return http;
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        // Blazor writes letters beyond ASCII as character references (å as &#xE5;): compare the text as a browser shows it.
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
