using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// One caller of each kind an access rule distinguishes: the three staff roles, a company user of the
/// company under test, and a company user of another company.
/// </summary>
public sealed record RoleCast(
    GraphQLClient Admin,
    TestUser Consultant,
    TestUser Manager,
    string CompanyId,
    TestUser CompanyUser,
    string OtherCompanyId,
    TestUser OtherCompanyUser)
{
    public static async Task<RoleCast> CreateAsync(CrmApiFactory factory)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var manager = await factory.CreateUserAsync("MANAGER");
        var companyId = await TestCompanies.RegisterAsync(consultant.Client, "Cast A/S");
        var otherCompanyId = await TestCompanies.RegisterAsync(consultant.Client, "Anden Cast ApS");
        var companyUser = await factory.CreateUserAsync("COMPANY", companyId);
        var otherCompanyUser = await factory.CreateUserAsync("COMPANY", otherCompanyId);
        return new RoleCast(await factory.SignInAsAdminAsync(), consultant, manager, companyId, companyUser, otherCompanyId, otherCompanyUser);
    }

    public Guid CompanyGuid => GlobalId.Parse(CompanyId, "Company", "companyId");
}

public static class TestCompanies
{
    /// <summary>Registers a company through a consultant's <c>registerCompany</c>; returns its global ID.</summary>
    public static async Task<string> RegisterAsync(GraphQLClient consultant, string name)
    {
        var data = await consultant.QueryAsync(
            "mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { id } }",
            new { input = new { cvr = TestData.NewCvr(), name, industryCode = "620100", address = "Boulevarden 1", postcode = "9000", sector = "PRIVATE" } });
        return data.Id("registerCompany");
    }
}
