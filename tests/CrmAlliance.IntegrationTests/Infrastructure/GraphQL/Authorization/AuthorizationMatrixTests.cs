using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL.Authorization;

/// <summary>
/// Every query and mutation × every role (and a company user of another company): allowed, refused
/// (FORBIDDEN, or UNAUTHENTICATED when anonymous) or hidden (no error, but nothing of the other company).
/// A root field without a row fails <see cref="Every_query_and_mutation_has_a_row"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture matrixFixture) : AuthorizationMatrix(matrixFixture), IClassFixture<MatrixFixture>
{
    [Fact]
    public void The_schemas_role_metadata_names_exactly_the_roles_the_matrix_allows()
    {
        var schema = Fixture.Factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var fields = schema.Query.Fields.Concat(schema.Mutation!.Fields).ToDictionary(f => f.Name);
        foreach (var row in MatrixRows.All)
        {
            var allowed = new[] { (Caller.Admin, "Admin"), (Caller.Consultant, "Consultant"), (Caller.Manager, "Manager"), (Caller.CompanyOwn, "Company") }
                .Where(r => row.Expect(r.Item1) != Access.Refused)
                .Select(r => r.Item2)
                .Order();

            Assert.Equal(string.Join(",", allowed), string.Join(",", (fields[row.Field].GetRoles() ?? []).Order()));
        }
    }
}

/// <summary>The whole matrix again with the role metadata rule off: the feature core alone refuses.</summary>
public sealed class CoreOnlyAuthorizationMatrixTests(CoreOnlyMatrixFixture fixture) : AuthorizationMatrix(fixture), IClassFixture<CoreOnlyMatrixFixture>;

/// <summary>The matrix itself, run against a fixture.</summary>
public abstract class AuthorizationMatrix(MatrixFixture fixture)
{
    protected MatrixFixture Fixture { get; } = fixture;

    public static TheoryData<string, Caller> Cases()
    {
        var data = new TheoryData<string, Caller>();
        foreach (var row in MatrixRows.All)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                data.Add(row.Field, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_is_allowed_or_refused_as_the_matrix_says(string field, Caller caller)
    {
        var row = MatrixRows.All.Single(r => r.Field == field);
        var expected = row.Expect(caller);
        var (query, variables) = await row.Build(Fixture);

        var response = await Fixture.Clients[caller].SendAsync(query, variables);

        var refusal = response.Codes.FirstOrDefault(c => c is "FORBIDDEN" or "UNAUTHENTICATED");
        switch (expected)
        {
            case Access.Allowed:
                Assert.True(response.Errors.Count == 0, $"{caller} should be allowed {field}: {response.Body}");
                Assert.NotNull(response.Data?[field]);
                break;
            case Access.Refused:
                Assert.True(refusal == (caller == Caller.Anonymous ? "UNAUTHENTICATED" : "FORBIDDEN"), $"{caller} should be refused {field}: {response.Body}");
                break;
            case Access.Hidden:
                Assert.True(response.Errors.Count == 0, $"{caller} should get an empty answer to {field}: {response.Body}");
                Assert.True(MatrixRow.IsEmpty(response.Data?[field]), $"{caller} should see nothing of the other company in {field}: {response.Body}");
                break;
        }
    }

    [Fact]
    public void Every_query_and_mutation_has_a_row()
    {
        var schema = Fixture.Factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var operations = schema.Query.Fields.Select(f => f.Name).Concat(schema.Mutation!.Fields.Select(f => f.Name));

        var missing = operations.Except(MatrixRows.All.Select(r => r.Field)).ToList();

        Assert.True(missing.Count == 0, "Add a row to MatrixRows for: " + string.Join(", ", missing));
    }
}
