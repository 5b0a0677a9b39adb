using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>A signed-in (or anonymous) GraphQL client over the in-process host.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<GraphQLResponse> SendAsync(string query, object? variables = null)
    {
        using var response = await Http.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, JsonNode.Parse(body)!.AsObject(), body);
    }

    /// <summary>Sends and fails the test unless the response has no errors; returns <c>data</c>.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var response = await SendAsync(query, variables);
        Assert.True(response.Errors.Count == 0, "Unexpected errors: " + response.Body);
        return response.Data!;
    }
}

public sealed record GraphQLResponse(HttpStatusCode Status, JsonObject Json, string Body)
{
    public JsonNode? Data => Json["data"];

    public IReadOnlyList<JsonNode> Errors => Json["errors"]?.AsArray().Select(e => e!).ToList() ?? [];

    public IReadOnlyList<string?> Codes => Errors.Select(e => e["extensions"]?["code"]?.GetValue<string>()).ToList();

    public IReadOnlyList<string?> Fields => Errors.Select(e => e["extensions"]?["field"]?.GetValue<string>()).ToList();

    /// <summary>The rule named by the first error's <c>extensions.rule</c>.</summary>
    public string Rule => Errors[0]["extensions"]!["rule"]!.GetValue<string>();

    /// <summary>The first error's message.</summary>
    public string Message => Errors[0]["message"]!.GetValue<string>();

    /// <summary>Asserts that the request was refused with exactly this code (on every error).</summary>
    public GraphQLResponse ShouldFailWith(string code)
    {
        Assert.True(Errors.Count > 0, "Expected an error with code " + code + " but got: " + Body);
        Assert.True(Codes.All(c => c == code), $"Expected code {code} but got: {Body}");
        return this;
    }
}

public static class ApiClients
{
    /// <summary>Signs in through Identity's /auth/login and returns a client that sends the bearer token.</summary>
    public static async Task<GraphQLClient> SignInAsync(this WebApplicationFactory<Program> factory, string email, string password)
    {
        var http = factory.CreateClient();
        using var response = await http.PostAsJsonAsync("/auth/login", new { email, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Sign-in of {email} failed: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new GraphQLClient(http);
    }

    public static Task<GraphQLClient> SignInAsAdminAsync(this CrmApiFactory factory)
        => factory.SignInAsync(CrmApiFactory.AdminEmail, CrmApiFactory.AdminPassword);

    public static GraphQLClient Anonymous(this CrmApiFactory factory) => new(factory.CreateClient());

    /// <summary>Runs a query that must succeed and counts the SQL round trips the Api made for it.</summary>
    public static async Task<(int RoundTrips, JsonNode Data)> QueryCountingAsync(this CrmApiFactory factory, GraphQLClient client, string query, object? variables = null)
    {
        factory.Commands.Reset();
        var data = await client.QueryAsync(query, variables);
        return (factory.Commands.Count, data);
    }
}
