using System.Text.Json;
using System.Text.Json.Nodes;
using CrmAlliance.IntegrationTests.Infrastructure.GraphQL.Authorization;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Infrastructure.Privacy;

/// <summary>
/// No CPR number is ever stored: every mutation of the authorization matrix is sent again, by a caller it allows,
/// with each of its text inputs in turn replaced by a sentence holding a CPR-shaped number. Every such request
/// must be refused, and no answer may repeat the number. A new mutation with a free-text input is covered as soon
/// as it has its matrix row (which <see cref="AuthorizationMatrix.Every_query_and_mutation_has_a_row"/> demands).
/// Inputs the rows leave out (a candidate's skills, say) are covered by <see cref="CprInFreeTextTests"/>.
/// </summary>
public sealed class CprInInputTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private const string CprDigits = "010190";
    private const string Sentence = "Borgeren har CPR 010190-1234, ring i morgen";

    public static TheoryData<string> Mutations()
    {
        var data = new TheoryData<string>();
        using var factory = new TestInfrastructure.CrmApiFactory();
        var schema = factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        foreach (var field in schema.Mutation!.Fields.Select(f => f.Name).Order(StringComparer.Ordinal))
        {
            data.Add(field);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task A_text_input_holding_a_CPR_number_is_refused_without_repeating_it(string mutation)
    {
        var row = MatrixRows.All.Single(r => r.Field == mutation);
        var caller = new[] { Caller.Consultant, Caller.Admin, Caller.CompanyOwn, Caller.Manager }.First(c => row.Expect(c) == Access.Allowed);
        var (query, variables) = await row.Build(fixture);
        // A password is stored only as its hash; the CSV imports' cells are tested with the imports.
        var texts = TextLeaves(ToNode(variables)).Where(path => path[^1] is not ("csv" or "password" or "newPassword")).ToList();

        var accepted = new List<string>();
        foreach (var path in texts)
        {
            // A fresh call each time: the row's records (a placement in a given state, a version) are used up by a success.
            var (freshQuery, freshVariables) = await row.Build(fixture);
            var changed = ToNode(freshVariables)!;
            Replace(changed, path, Sentence);

            var response = await fixture.Clients[caller].SendAsync(freshQuery, changed);

            Assert.False(response.Body.Contains(CprDigits, StringComparison.Ordinal), $"{mutation} repeated the number given in {string.Join('.', path)}: {response.Body}");
            if (response.Errors.Count == 0)
            {
                accepted.Add(string.Join('.', path));
            }
        }

        Assert.True(accepted.Count == 0, $"{mutation} stored a CPR-shaped number in: {string.Join(", ", accepted)} (query: {query})");
    }

    private static JsonNode? ToNode(object? variables) => variables is null ? null : JsonSerializer.SerializeToNode(variables);

    /// <summary>Paths (property names and array indexes) of every string value in the variables.</summary>
    private static IEnumerable<string[]> TextLeaves(JsonNode? node, string[]? path = null)
    {
        path ??= [];
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    foreach (var leaf in TextLeaves(child, [.. path, name]))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var leaf in TextLeaves(array[i], [.. path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                yield return path;
                break;
        }
    }

    private static void Replace(JsonNode root, string[] path, string text)
    {
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = parent is JsonArray array ? array[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]! : parent[step]!;
        }

        if (parent is JsonArray list)
        {
            list[int.Parse(path[^1], System.Globalization.CultureInfo.InvariantCulture)] = text;
        }
        else
        {
            parent[path[^1]] = text;
        }
    }
}
