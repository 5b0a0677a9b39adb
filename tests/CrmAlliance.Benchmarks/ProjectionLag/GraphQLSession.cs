using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmAlliance.Benchmarks.Yield;

namespace CrmAlliance.Benchmarks.ProjectionLag;

/// <summary>A signed-in user's GraphQL over HTTP, as a client application sends it; errors become exceptions naming their code.</summary>
public sealed class GraphQLSession(HttpClient client)
{
    public static async Task<GraphQLSession> SignInAsync(YieldApiHost host, string email, string password)
    {
        var client = host.CreateHttpClient();
        var response = await client.PostAsJsonAsync("/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new GraphQLSession(client);
    }

    public async Task<JsonNode> SendAsync(string query, object variables, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables }, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        if (!response.IsSuccessStatusCode || body?["errors"] is JsonArray { Count: > 0 } errors)
        {
            var first = body?["errors"]?[0];
            throw new GraphQLFailureException($"{first?["extensions"]?["code"] ?? (int)response.StatusCode}: {first?["message"] ?? body?.ToJsonString()}");
        }

        return body!["data"]!;
    }
}

public sealed class GraphQLFailureException(string message) : Exception(message);
