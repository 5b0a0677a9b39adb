using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL;

/// <summary>The /graphql endpoint follows the GraphQL-over-HTTP specification.</summary>
public sealed class GraphQLHttpTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string ResponseType = "application/graphql-response+json";

    [Fact]
    public async Task A_POST_query_answers_graphql_response_json_by_default()
    {
        var admin = await factory.SignInAsAdminAsync();

        using var response = await admin.Http.PostAsync("/graphql", Json("""{"query":"{ me { email } }"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResponseType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(CrmApiFactory.AdminEmail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_GET_query_is_served()
    {
        var admin = await factory.SignInAsAdminAsync();

        using var response = await admin.Http.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ me { role } }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ADMIN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405_and_Allow_POST()
    {
        var admin = await factory.SignInAsAdminAsync();

        using var response = await admin.Http.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { removeCompanyContact(id: \"x\") }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_form_post_is_refused_with_415_which_also_guards_against_CSRF()
    {
        using var response = await factory.CreateClient().PostAsync("/graphql", new StringContent("query={me{email}}", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_syntax_error_is_a_400_with_errors_and_no_data()
    {
        using var response = await factory.CreateClient().PostAsync("/graphql", Json("""{"query":"{ me { "}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"errors\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validation_error_is_a_400_but_200_for_clients_that_accept_only_application_json()
    {
        var client = factory.CreateClient();
        using var strict = await client.PostAsync("/graphql", Json("""{"query":"{ noSuchField }"}"""));
        using var legacy = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json("""{"query":"{ noSuchField }"}""") };
        legacy.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var legacyResponse = await client.SendAsync(legacy);

        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
        Assert.Equal(HttpStatusCode.OK, legacyResponse.StatusCode);
        Assert.Equal("application/json", legacyResponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_batch_array_and_a_body_that_is_not_JSON_are_400()
    {
        var client = factory.CreateClient();
        using var batch = await client.PostAsync("/graphql", Json("""[{"query":"{ me { email } }"}]"""));
        using var garbage = await client.PostAsync("/graphql", Json("{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, batch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    [Fact]
    public async Task An_unacceptable_Accept_header_is_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json("""{"query":"{ me { email } }"}""") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        using var response = await factory.CreateClient().PutAsync("/graphql", Json("""{"query":"{ me { email } }"}"""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_request_is_refused_before_execution_with_UNAUTHENTICATED_and_no_data()
    {
        var response = await factory.Anonymous().SendAsync("{ companies { totalCount } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        response.ShouldFailWith("UNAUTHENTICATED");
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task A_role_refused_by_the_schema_metadata_gets_FORBIDDEN_naming_the_roles_it_needs()
    {
        var manager = await factory.CreateUserAsync("MANAGER");

        var response = await manager.Client.SendAsync("{ users { totalCount } }");

        response.ShouldFailWith("FORBIDDEN");
        Assert.Contains("needs one of admin", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Self_registration_is_closed()
    {
        using var response = await factory.CreateClient().PostAsync("/auth/register", Json("""{"email":"intruder@test.local","password":"Intruder-Passw0rd"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Users, u => u.Email == "intruder@test.local");
    }

    [Fact]
    public async Task Repeated_failed_sign_ins_lock_the_account()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var client = factory.CreateClient();
        // Identity:MaxFailedAccessAttempts (the fixture's rate limits are generous, so the lock-out is what is reached).
        for (var i = 0; i < 20; i++)
        {
            using var failed = await client.PostAsync("/auth/login", Json($$"""{"email":"{{consultant.Email}}","password":"wrong-password-{{i}}"}"""));
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var correct = await client.PostAsync("/auth/login", Json($$"""{"email":"{{consultant.Email}}","password":"{{TestUsers.Password}}"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, correct.StatusCode);
        Assert.Contains("LockedOut", await correct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_internal_failure_never_leaks_a_stack_trace()
    {
        var admin = await factory.SignInAsAdminAsync();

        var response = await admin.SendAsync("{ companies(first: 1000) { totalCount } }");

        response.ShouldFailWith("VALIDATION");
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
