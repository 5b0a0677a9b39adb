using System.Net;
using System.Net.Http.Json;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;

namespace CrmAlliance.IntegrationTests.Matches;

/// <summary>
/// The vacancy, suggestion and placement pages over HTTP with the web UI's cookie: what a company user may read, and the
/// core's refusals as Danish pages with their status (no browser needed).
/// </summary>
public sealed class VacancyPagesAccessTests(VacancyPagesAccessTests.Factory fixture) : IClassFixture<VacancyPagesAccessTests.Factory>
{
    /// <summary>Matching is off: the test stores the suggestion itself, as its consumer would.</summary>
    public sealed class Factory : IDisposable
    {
        public CrmApiFactory Api { get; } = new(new Dictionary<string, string> { ["Matching:InProcess"] = "false" });

        public void Dispose() => Api.Dispose();
    }

    private CrmApiFactory Api => fixture.Api;

    [Fact]
    public async Task A_company_user_reads_its_own_vacancy_without_suggestions_and_is_refused_the_rest_in_Danish()
    {
        var consultant = await Api.CreateUserAsync("CONSULTANT");
        var own = await consultant.Client.RegisterCompanyAtWorkAsync();
        var other = await consultant.Client.RegisterCompanyAtWorkAsync();
        var ownVacancy = (await consultant.Client.PostVacancyAsync(own)).VacancyGuid();
        var otherVacancy = (await consultant.Client.PostVacancyAsync(other)).VacancyGuid();
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var match = await SuggestAsync(ownVacancy, GlobalId.Parse(candidate["id"]!.GetValue<string>(), "Candidate", "id"));
        var companyUser = await Api.CreateUserAsync("COMPANY", own.CompanyId);
        using var browser = await SignInWithCookieAsync(companyUser.Email);

        var (status, page) = await GetAsync(browser, $"/opslag/{ownVacancy}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Industrimekaniker</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Forslag fra matchningen", page, StringComparison.Ordinal);
        Assert.DoesNotContain(candidate["displayAlias"]!.GetValue<string>(), page, StringComparison.Ordinal);

        (status, page) = await GetAsync(browser, $"/opslag/{otherVacancy}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"Stillingsopslaget {otherVacancy} findes ikke.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, page, StringComparison.Ordinal);

        (status, page) = await GetAsync(browser, $"/opslag/{ownVacancy}/forslag/{match}/accepter");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Du har ikke adgang til siden", page, StringComparison.Ordinal);

        (status, page) = await GetAsync(browser, $"/opslag/{ownVacancy}/forslag/{match}/afvis");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("dismiss-submit", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consultant_is_told_in_Danish_when_a_suggestion_or_placement_does_not_exist_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var consultant = await Api.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = (await consultant.Client.PostVacancyAsync(company)).VacancyGuid();
        using var browser = await SignInWithCookieAsync(consultant.Email);

        var missing = Guid.NewGuid();
        var (status, page) = await GetAsync(browser, $"/opslag/{vacancy}/forslag/{missing}/accepter");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"Matchet {missing} findes ikke.", page, StringComparison.Ordinal);

        (status, page) = await GetAsync(browser, $"/forloeb/{missing}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"Forløbet {missing} findes ikke.", page, StringComparison.Ordinal);

        (status, page) = await GetAsync(browser, $"/opslag/{vacancy}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Matchningen har endnu ingen forslag til opslaget.", page, StringComparison.Ordinal);

        using var anonymous = Api.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await anonymous.GetAsync($"/opslag/{vacancy}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/log-ind?returnUrl=%2Fopslag%2F{vacancy}", response.Headers.Location?.PathAndQuery);
    }

    private async Task<Guid> SuggestAsync(Guid vacancy, Guid candidate)
    {
        await using var db = Api.NewDbContext();
        var match = new VacancyMatch { VacancyId = vacancy, CandidateId = candidate, Rank = 1, Score = 0.8, Explanation = "same occupation 7233", VacancyAsOf = DateTimeOffset.UtcNow, MatchedAt = DateTimeOffset.UtcNow };
        db.VacancyMatches.Add(match);
        await db.SaveChangesAsync();
        return match.Id;
    }

    /// <summary>A client holding the web UI's sign-in cookie, as a browser would.</summary>
    private async Task<HttpClient> SignInWithCookieAsync(string email)
    {
        var client = Api.CreateClient();
        using var response = await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email, password = TestUsers.Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<(HttpStatusCode Status, string Page)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
