using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL;

/// <summary>An ID that is not one of ours, wherever it stands — an argument, a variable, deep inside an input — is VALIDATION naming it.</summary>
public sealed class MalformedIdTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Theory]
    [InlineData("not-an-id")]
    [InlineData("Q29tcGFueTpub3QtYS1ndWlk")]
    [InlineData("")]
    [InlineData("😀")]
    public async Task A_malformed_ID_in_a_variable_is_VALIDATION_naming_the_variable(string id)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync("query($id: ID!) { company(id: $id) { name } }", new { id });

        response.ShouldFailWith("VALIDATION");
        Assert.Contains(response.Fields, f => f == "id");
    }

    [Fact]
    public async Task A_malformed_ID_inside_an_input_variable_is_VALIDATION_naming_the_input_field()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync("mutation($input: LogContactInput!) { logContact(input: $input) { id } }",
            new { input = new { companyId = "Q29tcGFueTpub3QtYS1ndWlk", occurredAt = DateTimeOffset.UtcNow, channel = "PHONE", summary = "Opkald" } });

        response.ShouldFailWith("VALIDATION");
        Assert.Contains(response.Fields, f => f == "input.companyId");
        Assert.DoesNotContain("Error executing document", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_ID_inside_a_filter_variable_is_VALIDATION_naming_its_path_in_the_variable()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync("query($f: CompanyFilter) { companies(first: 5, filter: $f) { totalCount } }",
            new { f = new { responsibleConsultantId = "broken" } });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["f.responsibleConsultantId"], response.Fields);
        Assert.StartsWith("f.responsibleConsultantId: 'broken' is not the ID of a User.", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_ID_written_into_the_query_is_VALIDATION_naming_the_argument_and_field()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync("{ companies(first: 5, filter: { responsibleConsultantId: \"broken\" }) { totalCount } }");

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["filter.responsibleConsultantId"], response.Fields);
    }

    [Fact]
    public async Task An_ID_of_another_type_is_VALIDATION_naming_the_field()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await consultant.Client.RegisterCompanyAsync("Forkert Type ApS", address: "Vej 4");

        var response = await consultant.Client.SendAsync("mutation($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }",
            new { input = new { companyId = consultant.Id, periodStart = "2026-01-01", periodEnd = "2026-12-31", internships = 1, targetGroups = new[] { "INSURED_UNEMPLOYED" } } });

        response.ShouldFailWith("VALIDATION");
        Assert.Contains(response.Fields, f => f == "input.companyId");
        _ = companyId;
    }
}
