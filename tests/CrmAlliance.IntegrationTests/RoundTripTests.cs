using CrmAlliance.Api.Features.Companies;
using CrmAlliance.IntegrationTests.Infrastructure;

namespace CrmAlliance.IntegrationTests;

/// <summary>Nested fields are batched by DataLoaders: the SQL round trips do not grow with the page size.</summary>
public sealed class RoundTripTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string CompaniesWithEverything = """
        query($prefix: String, $first: Int) {
          companies(first: $first, filter: { nameContains: $prefix }) {
            totalCount
            edges { node { name workplaces { pNumber ordinaryEmployees } contacts { name email } } }
          }
        }
        """;

    [Fact]
    public async Task A_page_of_50_companies_with_nested_lists_costs_as_many_queries_as_a_page_of_5()
    {
        var prefix = "Rundtur " + Guid.NewGuid().ToString("N")[..6];
        await SeedCompaniesAsync(prefix, 50);
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var small = await CountQueriesAsync(consultant.Client, prefix, 5);
        var large = await CountQueriesAsync(consultant.Client, prefix, 50);

        Assert.Equal(small, large);
        Assert.InRange(large, 1, 6);
    }

    private async Task<int> CountQueriesAsync(GraphQLClient client, string prefix, int first)
    {
        factory.Commands.Reset();
        var data = await client.QueryAsync(CompaniesWithEverything, new { prefix, first });
        var count = factory.Commands.Count;
        var edges = data["companies"]!["edges"]!.AsArray();
        Assert.Equal(first, edges.Count);
        Assert.All(edges, e => Assert.Equal(2, e!["node"]!["workplaces"]!.AsArray().Count));
        return count;
    }

    private async Task SeedCompaniesAsync(string prefix, int count)
    {
        await using var db = factory.NewDbContext();
        for (var i = 0; i < count; i++)
        {
            var company = new Company { Cvr = TestData.NewCvr(), Name = $"{prefix} {i:D2} ApS", IndustryCode = "620100", Address = "Vej 1", Postcode = "9000" };
            for (var w = 0; w < 2; w++)
            {
                company.Workplaces.Add(new Workplace { PNumber = TestData.NewPNumber(), Name = $"Afdeling {w}", Address = "Vej 1", Postcode = "9000", OrdinaryEmployees = 10 + w });
            }

            company.Contacts.Add(new CompanyContact { Name = $"Kontakt {i}", Email = $"k{i}@example.dk" });
            db.Companies.Add(company);
        }

        await db.SaveChangesAsync();
    }
}
