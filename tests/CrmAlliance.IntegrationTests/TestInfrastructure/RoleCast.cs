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
        var companyId = await consultant.Client.RegisterCompanyAsync("Cast A/S");
        var otherCompanyId = await consultant.Client.RegisterCompanyAsync("Anden Cast ApS");
        var companyUser = await factory.CreateUserAsync("COMPANY", companyId);
        var otherCompanyUser = await factory.CreateUserAsync("COMPANY", otherCompanyId);
        return new RoleCast(await factory.SignInAsAdminAsync(), consultant, manager, companyId, companyUser, otherCompanyId, otherCompanyUser);
    }

    public Guid CompanyGuid => GlobalId.Parse(CompanyId, "Company", "companyId");
}
