using System.Text.Json.Nodes;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;

namespace CrmAlliance.IntegrationTests.Candidates;

public sealed class CandidateQueryTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string Search = """
        query($filter: CandidateFilter, $first: Int) {
          candidates(filter: $filter, first: $first) { totalCount edges { node { id caseReference displayAlias } } }
        }
        """;

    private static List<string> References(JsonNode data)
        => data["candidates"]!["edges"]!.AsArray().Select(e => e!["node"]!["caseReference"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Candidates_are_found_by_target_group_occupation_postcode_and_availability()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        // A postcode and dates of their own keep these candidates apart from other tests' ones.
        var postcode = "9220";
        var prefix = "Q" + TestData.UniqueLetters(9);
        async Task<string> RegisterAsync(string suffix, string targetGroup, string occupation, string availableFrom, string? postcodeOverride = null)
        {
            var input = CandidateScenario.NewCandidate($"{prefix}-{suffix}");
            (input["targetGroup"], input["soughtOccupations"], input["availableFrom"], input["postcode"]) = (targetGroup, new[] { occupation }, availableFrom, postcodeOverride ?? postcode);
            return (await consultant.Client.RegisterCandidateAsync(input))["caseReference"]!.GetValue<string>();
        }

        var cook = await RegisterAsync("A", "INSURED_UNEMPLOYED", "5120", "2031-01-10");
        var mechanic = await RegisterAsync("B", "INTEGRATION", "723301", "2031-02-10");
        var developer = await RegisterAsync("C", "NEW_GRADUATE", "2512", "2031-03-10");
        await RegisterAsync("D", "INTEGRATION", "7233", "2031-01-01", postcodeOverride: "9210");

        async Task<List<string>> FindAsync(object filter) => References(await consultant.Client.QueryAsync(Search, new { filter, first = 100 }));

        Assert.Equal([cook, mechanic, developer], (await FindAsync(new { postcode })).Where(r => r.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Equal([mechanic, developer], (await FindAsync(new { postcode, targetGroups = new[] { "INTEGRATION", "NEW_GRADUATE" } })).Where(r => r.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Equal([mechanic], (await FindAsync(new { postcode, occupationCodePrefix = "72" })).Where(r => r.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Equal([cook, mechanic], (await FindAsync(new { postcode, availableBy = "2031-02-10" })).Where(r => r.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("CONSULTANT")]
    [InlineData("MANAGER")]
    [InlineData("ADMIN")]
    public async Task Jobcenter_staff_read_candidates(string role)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var id = candidate["id"]!.GetValue<string>();
        var reader = await factory.CreateUserAsync(role);

        var list = await reader.Client.QueryAsync(Search, new { filter = new { postcode = "9000" }, first = 100 });
        var one = await reader.Client.QueryAsync("query($id: ID!) { candidate(id: $id) { caseReference } node(id: $id) { ... on Candidate { displayAlias } } }", new { id });

        Assert.Contains(candidate["caseReference"]!.GetValue<string>(), References(list));
        Assert.Equal(candidate["caseReference"]!.GetValue<string>(), one["candidate"]!["caseReference"]!.GetValue<string>());
        Assert.Equal(candidate["displayAlias"]!.GetValue<string>(), one["node"]!["displayAlias"]!.GetValue<string>());
    }

    [Fact]
    public async Task Company_users_are_refused_every_read_of_candidates()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var id = candidate["id"]!.GetValue<string>();
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var companyUser = await factory.CreateUserAsync("COMPANY", company.CompanyId);

        var list = await companyUser.Client.SendAsync(Search, new { filter = new { postcode = "9000" } });
        var one = await companyUser.Client.SendAsync("query($id: ID!) { candidate(id: $id) { caseReference } }", new { id });
        var node = await companyUser.Client.SendAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        list.ShouldFailWith("FORBIDDEN");
        one.ShouldFailWith("FORBIDDEN");
        node.ShouldFailWith("FORBIDDEN");
        Assert.Contains("candidates", Assert.Single(list.Errors)["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(list.Data);
        Assert.DoesNotContain(candidate["caseReference"]!.GetValue<string>(), list.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(candidate["caseReference"]!.GetValue<string>(), one.Body + node.Body, StringComparison.Ordinal);
    }
}
