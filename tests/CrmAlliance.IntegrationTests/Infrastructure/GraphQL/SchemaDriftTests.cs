using CrmAlliance.IntegrationTests.TestInfrastructure;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL;

public sealed class SchemaDriftTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public void The_checked_in_schema_matches_the_code()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();

        Snapshots.AssertMatches("schema/schema.graphql", schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }));
    }

    [Fact]
    public void Every_type_and_field_of_ours_has_a_description()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType))
        {
            if (string.IsNullOrWhiteSpace(type.Description) && !type.Name.EndsWith("Connection", StringComparison.Ordinal) && !type.Name.EndsWith("Edge", StringComparison.Ordinal) && type.Name != "PageInfo")
            {
                missing.Add(type.Name);
            }

            if (type is IComplexGraphType complex && !type.Name.EndsWith("Connection", StringComparison.Ordinal) && !type.Name.EndsWith("Edge", StringComparison.Ordinal) && type.Name != "PageInfo")
            {
                missing.AddRange(complex.Fields.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{type.Name}.{f.Name}"));
            }
        }

        Assert.True(missing.Count == 0, "Missing descriptions: " + string.Join(", ", missing));
    }
}
