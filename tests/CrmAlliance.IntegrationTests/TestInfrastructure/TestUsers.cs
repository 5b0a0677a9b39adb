using System.Text.Json.Nodes;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>A signed-in test user and its global ID.</summary>
public sealed record TestUser(string Id, string Email, GraphQLClient Client);

public static class TestUsers
{
    public const string Password = "Test-Passw0rd-123";

    /// <summary>Creates a user in the role through the Admin's GraphQL and signs them in.</summary>
    public static async Task<TestUser> CreateUserAsync(this CrmApiFactory factory, string role, string? companyId = null)
    {
        var admin = await factory.SignInAsAdminAsync();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        var data = await admin.QueryAsync(
            "mutation($input: CreateUserInput!) { createUser(input: $input) { id } }",
            new { input = new { email, displayName = $"Test {role}", role, password = Password, companyId } });
        var id = data["createUser"]!["id"]!.GetValue<string>();
        return new TestUser(id, email, await factory.SignInAsync(email, Password));
    }

    public static string Id(this JsonNode node, string field) => node[field]!["id"]!.GetValue<string>();
}
