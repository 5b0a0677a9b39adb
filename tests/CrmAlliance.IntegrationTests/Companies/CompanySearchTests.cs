using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Companies;

/// <summary>The company search text: part of a name, or the start of a CVR or P-number; company users find only their own.</summary>
public class CompanySearchTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private static readonly Actor Consultant = new("consultant", "c@test.local", Role.Consultant, null);

    [Fact]
    public async Task Finds_by_part_of_the_name_the_start_of_the_CVR_or_of_a_workplaces_P_number()
    {
        var marker = "Søgbar" + Guid.NewGuid().ToString("N")[..6];
        var (first, pNumber) = await ArrangeAsync($"{marker} Smedie ApS");
        var (second, _) = await ArrangeAsync($"{marker} Bageri A/S");

        Assert.Equal([second.Id, first.Id], await SearchAsync(marker, Consultant));
        Assert.Equal([first.Id], await SearchAsync($"{marker} smed", Consultant));
        Assert.Equal([first.Id], await SearchAsync(first.Cvr, Consultant));
        Assert.Contains(first.Id, await SearchAsync(first.Cvr[..6], Consultant));
        Assert.Equal([first.Id], await SearchAsync(pNumber, Consultant));
        Assert.Empty(await SearchAsync(pNumber[2..], Consultant));
    }

    [Fact]
    public async Task A_percent_sign_or_an_underscore_is_searched_as_typed_not_as_a_wildcard()
    {
        var marker = "Tegn" + TestData.UniqueLetters(6);
        var (percent, _) = await ArrangeAsync($"{marker} 100% Dansk ApS");
        var (underscore, _) = await ArrangeAsync($"{marker} Bygge_Service ApS");
        await ArrangeAsync($"{marker} 1000 Bygge Service ApS");

        Assert.Equal([percent.Id], await SearchAsync($"{marker} 100%", Consultant));
        Assert.Equal([underscore.Id], await SearchAsync("e_S", Consultant));
    }

    [Fact]
    public async Task A_company_user_finds_only_its_own_company()
    {
        var marker = "Egen" + Guid.NewGuid().ToString("N")[..6];
        var (own, _) = await ArrangeAsync($"{marker} Et ApS");
        await ArrangeAsync($"{marker} To ApS");

        Assert.Equal([own.Id], await SearchAsync(marker, new Actor("user", "u@test.local", Role.Company, own.Id)));
    }

    [Fact]
    public async Task Names_sort_the_Danish_way_ignoring_case_with_Æ_Ø_Å_after_Z()
    {
        var marker = "Dansk" + Guid.NewGuid().ToString("N")[..6];
        string[] danishOrder = [$"bager {marker}", $"Zoneterapi {marker}", $"Ærø Tømrer {marker}", $"østergaard {marker}", $"Åbybro Auto {marker}"];
        var ids = new Dictionary<Guid, string>();
        foreach (var name in danishOrder.Reverse())
        {
            ids[(await ArrangeAsync(name)).Company.Id] = name;
        }

        Assert.Equal(danishOrder, (await SearchAsync(marker, Consultant)).Select(id => ids[id]));
        Assert.Equal(danishOrder.Reverse(), (await SearchAsync(marker, Consultant, descending: true)).Select(id => ids[id]));
    }

    private async Task<List<Guid>> SearchAsync(string text, Actor actor, bool descending = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<CompanyQueries>().ListAsync(new CompanyFilter(Search: text), CompanySort.Name, descending, new PageRequest(50), actor, CancellationToken.None);
        return page.Items.Select(c => c.Id).ToList();
    }

    private async Task<(Company Company, string PNumber)> ArrangeAsync(string name)
    {
        await using var db = factory.NewDbContext();
        var company = new Company { Cvr = TestData.NewCvr(), Name = name, IndustryCode = "620100", Address = "Vej 1", Postcode = "9000", CreatedAt = DateTimeOffset.UtcNow };
        var workplace = new Workplace { PNumber = TestData.NewPNumber(), Name = "Værkstedet", Address = "Vej 1", Postcode = "9000", OrdinaryEmployees = 5, EmployeesReportedFor = TestData.Today };
        company.Workplaces.Add(workplace);
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return (company, workplace.PNumber);
    }
}

/// <summary>Company search on PostgreSQL: case ignored (ILIKE) and Danish order (ICU collation).</summary>
[OnPostgres]
public sealed class CompanySearchOnPostgresTests(PostgresApiFactory factory) : CompanySearchTests(factory), IClassFixture<PostgresApiFactory>;
