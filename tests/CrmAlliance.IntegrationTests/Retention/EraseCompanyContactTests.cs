using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Retention;

/// <summary>A contact person erased on request: the row and every copy of their name on the company's statements.</summary>
public sealed class EraseCompanyContactTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string Erase = "mutation($id: ID!) { eraseCompanyContact(id: $id) }";

    [Theory]
    [InlineData("ADMIN")]
    [InlineData("CONSULTANT")]
    public async Task The_person_and_their_name_on_the_companys_statements_are_gone(string role)
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 60);
        var name = "Tillidsrepræsentant " + TestData.UniqueLetters(8);
        var email = TestData.UniqueLetters(8).ToLowerInvariant() + "@example.dk";
        var contactId = (await consultant.QueryAsync(
            "mutation($input: SaveCompanyContactInput!) { saveCompanyContact(input: $input) { id } }",
            new { input = new { companyId = workplace.CompanyId, name, email, phone = "98 12 34 56", isEmployeeRepresentative = true } })).Id("saveCompanyContact");
        var proposed = await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(10), Today.AddDays(30));
        await consultant.MutateOkAsync("recordEmployeeRepStatement", new { placementId = Id(proposed), version = Version(proposed), representativeName = name.ToUpperInvariant(), givenOn = Today.Iso(), isPositive = true });
        var eraser = role == "ADMIN" ? await factory.SignInAsAdminAsync() : consultant;

        var erased = await eraser.QueryAsync(Erase, new { id = contactId });

        Assert.Equal(contactId, erased["eraseCompanyContact"]!.GetValue<string>());
        Assert.Empty(await factory.ColumnsHoldingAsync(name));
        Assert.Empty(await factory.ColumnsHoldingAsync(email));
        await using var db = factory.NewDbContext();
        Assert.False(await db.Set<CompanyContact>().AnyAsync(c => c.Id == GlobalId.Parse(contactId, "CompanyContact", "id")));
        var statement = (await db.Placements.SingleAsync(p => p.Id == Key(Id(proposed)))).EmployeeRepStatement!;
        Assert.Equal(("Slettet", true), (statement.RepresentativeName, statement.IsPositive));
    }

    [Theory]
    [InlineData("MANAGER")]
    [InlineData("COMPANY")]
    public async Task Managers_and_company_users_are_refused(string role)
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 10);
        var contactId = (await consultant.QueryAsync(
            "mutation($input: SaveCompanyContactInput!) { saveCompanyContact(input: $input) { id } }",
            new { input = new { companyId = workplace.CompanyId, name = "Kontakt " + TestData.UniqueLetters(6), isEmployeeRepresentative = false } })).Id("saveCompanyContact");
        var user = await factory.CreateUserAsync(role, role == "COMPANY" ? workplace.CompanyId : null);

        (await user.Client.SendAsync(Erase, new { id = contactId })).ShouldFailWith("FORBIDDEN");

        await using var db = factory.NewDbContext();
        Assert.True(await db.Set<CompanyContact>().AnyAsync(c => c.Id == GlobalId.Parse(contactId, "CompanyContact", "id")));
    }
}
