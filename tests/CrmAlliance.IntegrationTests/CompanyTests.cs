using CrmAlliance.IntegrationTests.Infrastructure;

namespace CrmAlliance.IntegrationTests;

public sealed class CompanyTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string Register = "mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { id cvr name version industryTitle } }";

    [Fact]
    public async Task A_consultant_registers_a_company_and_finds_it_by_CVR()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var cvr = TestData.NewCvr();

        var created = await consultant.Client.QueryAsync(Register, new { input = new { cvr, name = "Aalborg Værft A/S", industryCode = "301100", address = "Havnegade 1", postcode = "9000", sector = "PRIVATE" } });
        var found = await consultant.Client.QueryAsync("query($cvr: String) { companies(filter: { cvr: $cvr }) { totalCount edges { node { name } } } }", new { cvr });

        Assert.Equal(1, created["registerCompany"]!["version"]!.GetValue<int>());
        Assert.Equal(1, found["companies"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("Aalborg Værft A/S", found["companies"]!["edges"]![0]!["node"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_CVR_industry_and_postcode_are_refused_field_by_field_and_nothing_is_stored()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync(Register, new { input = new { cvr = "12345678", name = "Fejl ApS", industryCode = "999999", address = "Vej 1", postcode = "0000", sector = "PRIVATE" } });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.cvr", "input.industryCode", "input.postcode"], response.Fields);
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Companies, c => c.Name == "Fejl ApS");
    }

    [Fact]
    public async Task A_stale_update_is_refused_with_CONFLICT()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var created = await consultant.Client.QueryAsync(Register, new { input = new { cvr = TestData.NewCvr(), name = "Version A/S", industryCode = "620100", address = "Vej 2", postcode = "9000", sector = "PRIVATE" } });
        var id = created.Id("registerCompany");
        const string Update = "mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { version name } }";
        object Input(string name) => new { input = new { id, version = 1, name, industryCode = "620100", address = "Vej 2", postcode = "9000", sector = "PRIVATE", membershipStatus = "PROSPECT" } };

        await consultant.Client.QueryAsync(Update, Input("First A/S"));
        var stale = await consultant.Client.SendAsync(Update, Input("Second A/S"));

        stale.ShouldFailWith("CONFLICT");
        await using var db = factory.NewDbContext();
        Assert.Equal("First A/S", db.Companies.Single(c => c.Name == "First A/S").Name);
    }
}
