using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Companies;

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

    [Fact]
    public async Task A_workplace_with_a_bad_P_number_postcode_and_headcount_is_refused_and_not_stored()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var id = (await consultant.Client.QueryAsync(Register, new { input = new { cvr = TestData.NewCvr(), name = "Arbejdssted A/S", industryCode = "620100", address = "Vej 3", postcode = "9000", sector = "PRIVATE" } })).Id("registerCompany");

        var response = await consultant.Client.SendAsync(
            "mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }",
            new { input = new { companyId = id, pNumber = "12345", name = "Lager", address = "Vej 3", postcode = "0001", ordinaryEmployees = -1, employeesReportedFor = "2026-10-01", averageEmployees12Months = 3 } });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.pNumber", "input.postcode", "input.ordinaryEmployees"], response.Fields);
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Workplaces, w => w.Name == "Lager" && w.Address == "Vej 3");
    }

    [Fact]
    public async Task A_P_number_registered_to_another_workplace_is_a_CONFLICT()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var id = (await consultant.Client.QueryAsync(Register, new { input = new { cvr = TestData.NewCvr(), name = "Dublet A/S", industryCode = "620100", address = "Vej 4", postcode = "9000", sector = "PRIVATE" } })).Id("registerCompany");
        const string Save = "mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }";
        object Input(string name, string pNumber) => new { input = new { companyId = id, pNumber, name, address = "Vej 4", postcode = "9000", ordinaryEmployees = 3, employeesReportedFor = "2026-10-01", averageEmployees12Months = 3 } };
        var pNumber = TestData.NewPNumber();

        await consultant.Client.QueryAsync(Save, Input("Første", pNumber));
        var second = await consultant.Client.SendAsync(Save, Input("Anden", pNumber));

        second.ShouldFailWith("CONFLICT");
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Workplaces, w => w.Name == "Anden");
    }

    [Fact]
    public async Task A_contact_person_with_a_bad_email_is_refused_and_an_unknown_one_cannot_be_removed()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var id = (await consultant.Client.QueryAsync(Register, new { input = new { cvr = TestData.NewCvr(), name = "Kontakt A/S", industryCode = "620100", address = "Vej 5", postcode = "9000", sector = "PRIVATE" } })).Id("registerCompany");

        var badEmail = await consultant.Client.SendAsync(
            "mutation($input: SaveCompanyContactInput!) { saveCompanyContact(input: $input) { id } }",
            new { input = new { companyId = id, name = "Karen Kontakt", email = "ikke-en-adresse", isEmployeeRepresentative = true } });
        var unknown = await consultant.Client.SendAsync("mutation($id: ID!) { removeCompanyContact(id: $id) }", new { id = Api.Infrastructure.GraphQL.GlobalId.Encode("CompanyContact", Guid.NewGuid()) });

        badEmail.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.email"], badEmail.Fields);
        unknown.ShouldFailWith("NOT_FOUND");
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.CompanyContacts, c => c.Name == "Karen Kontakt");
    }

    [Fact]
    public async Task A_company_user_keeps_its_own_contact_persons_but_not_another_companys()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var own = (await consultant.Client.QueryAsync(Register, new { input = new { cvr = TestData.NewCvr(), name = "Egen ApS", industryCode = "620100", address = "Vej 6", postcode = "9000", sector = "PRIVATE" } })).Id("registerCompany");
        var other = (await consultant.Client.QueryAsync(Register, new { input = new { cvr = TestData.NewCvr(), name = "Fremmed ApS", industryCode = "620100", address = "Vej 7", postcode = "9000", sector = "PRIVATE" } })).Id("registerCompany");
        var companyUser = await factory.CreateUserAsync("COMPANY", own);
        const string Save = "mutation($input: SaveCompanyContactInput!) { saveCompanyContact(input: $input) { id name } }";

        var saved = await companyUser.Client.QueryAsync(Save, new { input = new { companyId = own, name = "Ole Egen", isEmployeeRepresentative = false } });
        var refused = await companyUser.Client.SendAsync(Save, new { input = new { companyId = other, name = "Ole Fremmed", isEmployeeRepresentative = false } });
        var seen = await companyUser.Client.QueryAsync("query($id: ID!) { company(id: $id) { name } }", new { id = other });

        Assert.Equal("Ole Egen", saved["saveCompanyContact"]!["name"]!.GetValue<string>());
        refused.ShouldFailWith("FORBIDDEN");
        Assert.Null(seen["company"]);
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.CompanyContacts, c => c.Name == "Ole Fremmed");
    }
}
