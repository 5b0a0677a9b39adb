using System.Net;
using System.Net.Http.Json;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Companies;

/// <summary>The company list (/virksomheder) and page name a company's industry by its title, not its bare DB07 code.</summary>
public sealed class CompanyListPageTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task The_list_and_the_company_page_show_the_industrys_Danish_title_with_its_code()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var marker = "Branchenavn" + Guid.NewGuid().ToString("N")[..6];
        var id = await consultant.Client.RegisterCompanyAsync($"{marker} Software ApS", industryCode: "620100");
        await consultant.Client.RegisterCompanyAsync($"{marker} Supermarked ApS", industryCode: "471120");
        var client = await SignInWithCookieAsync(consultant.Email);

        var list = await GetAsync(client, $"/virksomheder?soeg={marker}");
        var page = await GetAsync(client, $"/virksomheder/{GlobalId.Parse(id, "Company", "id")}");

        Assert.Contains("Computerprogrammering</span> <span class=\"small-text\">(620100)</span>", list, StringComparison.Ordinal);
        Assert.Contains("Supermarkeder</span> <span class=\"small-text\">(471120)</span>", list, StringComparison.Ordinal);
        Assert.Contains("Computerprogrammering</span> <span class=\"small-text\">(620100)</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_English_the_list_shows_NACEs_English_title_where_the_industry_has_one_else_the_Danish()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SetUiLanguageHandler>().HandleAsync(
                new SetUiLanguageInput(UiLanguages.English), new Actor(GlobalId.ParseKey(consultant.Id, "User", "id"), consultant.Email, Role.Consultant, null), CancellationToken.None);
        }

        var marker = "Industryname" + Guid.NewGuid().ToString("N")[..6];
        await consultant.Client.RegisterCompanyAsync($"{marker} Software ApS", industryCode: "620100");
        await consultant.Client.RegisterCompanyAsync($"{marker} Supermarked ApS", industryCode: "471120");
        var client = await SignInWithCookieAsync(consultant.Email);

        var list = await GetAsync(client, $"/virksomheder?soeg={marker}");

        // 620100 is the only DB07 subclass of NACE 62.01, so NACE's title is its own; 471120 is one of three in 47.11.
        Assert.Contains("Computer programming activities</span> <span class=\"small-text\">(620100)</span>", list, StringComparison.Ordinal);
        Assert.Contains("Supermarkeder</span> <span class=\"small-text\">(471120)</span>", list, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInWithCookieAsync(string email)
    {
        var http = factory.CreateClient();
        using var response = await http.PostAsJsonAsync("/auth/login?useCookies=true", new { email, password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return http;
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Blazor writes letters beyond ASCII as character references (å as &#xE5;): compare the text as a browser shows it.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
