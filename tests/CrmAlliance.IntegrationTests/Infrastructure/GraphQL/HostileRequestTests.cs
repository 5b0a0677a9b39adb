using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL;

/// <summary>
/// Requests that used to cost minutes of CPU, gigabytes of memory or a 500 (measured in issue 11) are refused before
/// parsing or validation does expensive work, with a 4xx and one of our codes. Each client here gives up after
/// 15 s, where the unbounded versions took 8 to 120 s.
/// </summary>
public sealed class HostileRequestTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Aliases_doubling_through_nested_fragments_are_refused_as_too_complex()
    {
        var consultant = await SignedInAsync("CONSULTANT");
        var fragments = new StringBuilder("fragment c0 on Company { name }\n");
        for (var level = 1; level <= 10; level++)
        {
            fragments.AppendLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fragment v{level} on Vacancy {{ a: company {{ ...c{level - 1} }} b: company {{ ...c{level - 1} }} }}"));
            fragments.AppendLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fragment c{level} on Company {{ a: vacancies {{ ...v{level} }} b: vacancies {{ ...v{level} }} }}"));
        }

        var response = await consultant.SendAsync("query { companies(first: 1) { edges { node { ...c10 } } } }\n" + fragments);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        response.ShouldFailWith("QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task Twenty_thousand_repeated_fields_are_refused_signed_in_or_not()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("me { email } ", 20_000)) + "}";
        var consultant = await SignedInAsync("CONSULTANT");

        (await consultant.SendAsync(query)).ShouldFailWith("QUERY_TOO_COMPLEX");
        (await factory.Anonymous().SendAsync(query)).ShouldFailWith("UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_list_variable_of_half_a_million_items_is_refused()
    {
        var consultant = await SignedInAsync("CONSULTANT");

        var response = await consultant.SendAsync(
            "query($ids: [ID!]) { companies(first: 1) { totalCount } }",
            new { ids = Enumerable.Repeat("x", 500_000).ToArray() });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        response.ShouldFailWith("BAD_REQUEST");
        Assert.Contains("more than 1,000 items", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_string_variable_over_32_KB_is_refused_outside_the_imports()
    {
        var consultant = await SignedInAsync("CONSULTANT");

        var response = await consultant.SendAsync(
            "query($f: CompanyFilter) { companies(first: 5, filter: $f) { totalCount } }",
            new { f = new { nameContains = new string('æ', 20_000) } });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        response.ShouldFailWith("BAD_REQUEST");
        Assert.Contains("longer than 32 KB", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fragment_cycle_is_refused_without_looping()
    {
        var consultant = await SignedInAsync("CONSULTANT");

        var response = await consultant.SendAsync("query { companies(first: 1) { edges { node { ...a } } } } fragment a on Company { ...b } fragment b on Company { ...a }");

        response.ShouldFailWith("QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task Anonymous_callers_get_no_schema_and_company_users_none_outside_development()
    {
        const string introspection = "{ __schema { types { name } } }";
        var company = await (await SignedInAsync("CONSULTANT")).RegisterCompanyAsync("Introspekt ApS");
        var companyUser = await factory.CreateUserAsync("COMPANY", company);
        var manager = await SignedInAsync("MANAGER");

        (await factory.Anonymous().SendAsync(introspection)).ShouldFailWith("UNAUTHENTICATED");
        (await factory.Anonymous().SendAsync("{ __type(name: \"Company\") { name } }")).ShouldFailWith("UNAUTHENTICATED");
        (await companyUser.Client.SendAsync(introspection)).ShouldFailWith("FORBIDDEN");
        Assert.NotNull((await manager.QueryAsync(introspection))["__schema"]);
    }

    [Fact]
    public async Task An_invalid_bearer_token_is_401_with_WWW_Authenticate()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await client.PostAsync("/graphql", Json("""{"query":"{ me { email } }"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("UNAUTHENTICATED", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"query":"{ me { email } }","variables":{"a":1,"a":2}}""")]
    [InlineData("""{"query":"{ me { email } }","query":"{ me { id } }"}""")]
    public async Task Duplicate_keys_in_the_body_are_a_400(string body)
    {
        var consultant = await SignedInAsync("CONSULTANT");

        using var response = await consultant.Http.PostAsync("/graphql", Json(body));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task A_body_that_is_not_UTF8_is_a_400()
    {
        var consultant = await SignedInAsync("CONSULTANT");
        var content = new ByteArrayContent([.. Encoding.UTF8.GetBytes("""{"query":"{ me { email } }","operationName":"x"""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await consultant.Http.PostAsync("/graphql", content);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task A_GET_query_nested_deeper_than_the_parser_allows_is_a_400()
    {
        var consultant = await SignedInAsync("CONSULTANT");
        var deep = "{ me " + string.Concat(Enumerable.Repeat("{ a ", 200)) + string.Concat(Enumerable.Repeat("} ", 201));

        using var response = await consultant.Http.GetAsync("/graphql?query=" + Uri.EscapeDataString(deep));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var consultant = await SignedInAsync("CONSULTANT");
        var huge = "{\"query\":\"{ me { email } }\",\"variables\":{\"csv\":\"" + new string('x', 13 * 1024 * 1024) + "\"}}";

        using var response = await consultant.Http.PostAsync("/graphql", Json(huge));

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "REQUEST_TOO_LARGE");
    }

    [Fact]
    public async Task After_a_refusal_the_same_client_is_answered_as_before()
    {
        var user = await factory.CreateUserAsync("CONSULTANT");
        (await user.Client.SendAsync("query { companies(first: 1) { edges { node { ...a } } } } fragment a on Company { ...a }")).ShouldFailWith("QUERY_TOO_COMPLEX");

        var data = await user.Client.QueryAsync("{ me { email } }");

        Assert.Equal(user.Email, data["me"]!["email"]!.GetValue<string>());
    }

    private async Task<GraphQLClient> SignedInAsync(string role)
    {
        var user = await factory.CreateUserAsync(role);
        var client = Client();
        client.DefaultRequestHeaders.Authorization = user.Client.Http.DefaultRequestHeaders.Authorization;
        return new GraphQLClient(client);
    }

    private HttpClient Client()
    {
        var client = factory.CreateClient();
        client.Timeout = Patience;
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status} but got {response.StatusCode}: {body}");
        Assert.Contains($"\"code\":\"{code}\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
