using System.Text.Json.Nodes;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL;

/// <summary>
/// A value of the wrong shape — in a variable or written into the query — is VALIDATION naming where it stands; no
/// error carries a .NET exception's name as a code (GraphQL.NET's <c>extensions.codes</c> did: FORMAT, OVERFLOW …).
/// </summary>
public sealed class ErrorCodeTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string LogContact = "mutation($input: LogContactInput!) { logContact(input: $input) { id } }";

    public static TheoryData<string, string> BadInputValues => new()
    {
        { "occurredAt", "i går" },
        { "occurredAt", "2026-13-45T25:61:00Z" },
        { "channel", "BREVDUE" },
        { "followUpOn", "31-12-2026" },
    };

    [Theory]
    [MemberData(nameof(BadInputValues))]
    public async Task A_value_of_the_wrong_shape_in_a_variable_is_VALIDATION_naming_its_path(string field, string value)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await consultant.Client.RegisterCompanyAsync("Form " + TestData.UniqueLetters(15), address: "Vej 5");
        var input = new JsonObject { ["companyId"] = companyId, ["occurredAt"] = "2026-12-01T10:00:00Z", ["channel"] = "PHONE", ["summary"] = "Opkald" };
        input[field] = value;

        var response = await consultant.Client.SendAsync(LogContact, new { input });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal([$"input.{field}"], response.Fields);
        AssertNoExceptionNames(response);
    }

    [Theory]
    [InlineData("{ companies(first: \"fem\") { totalCount } }", "first")]
    [InlineData("{ companies(first: 99999999999) { totalCount } }", "first")]
    [InlineData("{ vacancies(first: 5, filter: { offerKind: BREVDUE }) { totalCount } }", "filter")]
    public async Task A_literal_of_the_wrong_shape_names_its_argument_and_no_exception(string query, string argument)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync(query);

        Assert.NotEmpty(response.Errors);
        Assert.All(response.Errors, e => Assert.Contains($"'{argument}'", e["message"]!.GetValue<string>(), StringComparison.Ordinal));
        AssertNoExceptionNames(response);
    }

    [Fact]
    public async Task An_int_variable_out_of_range_is_VALIDATION_naming_it()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync("query($n: Int) { companies(first: $n) { totalCount } }", new { n = 99999999999L });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["n"], response.Fields);
        AssertNoExceptionNames(response);
    }

    private static void AssertNoExceptionNames(GraphQLResponse response)
    {
        Assert.All(response.Errors, e => Assert.Null(e["extensions"]?["codes"]));
        Assert.DoesNotContain(response.Codes, c => c is "FORMAT" or "OVERFLOW" or "ARGUMENT_OUT_OF_RANGE" or "ARGUMENT" or "INVALID_OPERATION" or "SQLITE");
    }
}
