using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL;

/// <summary>Nested fields are batched by DataLoaders: the SQL round trips do not grow with the page size.</summary>
public sealed class RoundTripTests(CrmApiFactory factory, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<CrmApiFactory>
{
    private const string CompaniesWithEverything = """
        query($prefix: String, $first: Int) {
          companies(first: $first, filter: { nameContains: $prefix }) {
            totalCount
            edges { node {
              name
              workplaces { pNumber ordinaryEmployees }
              contacts { name email }
              vacancies { title status workplace { pNumber } }
              placements { status candidateAlias workplace { pNumber } }
              latestContacts(first: 3) { summary consultant { email } }
              pledges { internships }
            } }
          }
        }
        """;

    [Fact]
    public async Task A_page_of_50_companies_with_nested_lists_costs_as_many_queries_as_a_page_of_5()
    {
        var prefix = "Rundtur " + Guid.NewGuid().ToString("N")[..6];
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        await SeedCompaniesAsync(prefix, 50, GlobalId.ParseKey(consultant.Id, "User", "id"));

        // The session's security stamp is read once a minute per user, not per page: out of the count.
        await consultant.Client.QueryAsync("{ me { id } }");

        var small = await CountQueriesAsync(consultant.Client, prefix, 5);
        var large = await CountQueriesAsync(consultant.Client, prefix, 50);

        output.WriteLine($"SQL round trips: {small} for 5 companies, {large} for 50 companies.");
        Assert.Equal(small, large);
        // companies: count + page; one batch each for workplaces, contacts, vacancies, placements,
        // latest contacts, pledges, and the nested workplaces and consultants.
        Assert.InRange(large, 1, 12);
    }

    private async Task<int> CountQueriesAsync(GraphQLClient client, string prefix, int first)
    {
        var (count, data) = await factory.QueryCountingAsync(client, CompaniesWithEverything, new { prefix, first });
        var edges = data["companies"]!["edges"]!.AsArray();
        Assert.Equal(first, edges.Count);
        Assert.All(edges, e =>
        {
            var company = e!["node"]!;
            Assert.Equal(2, company["workplaces"]!.AsArray().Count);
            Assert.Single(company["vacancies"]!.AsArray());
            Assert.Single(company["placements"]!.AsArray());
            Assert.Equal(3, company["latestContacts"]!.AsArray().Count);
            Assert.Single(company["pledges"]!.AsArray());
        });
        return count;
    }

    private async Task SeedCompaniesAsync(string prefix, int count, string consultantId)
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
            var workplace = company.Workplaces[0];
            db.Vacancies.Add(new Vacancy { CompanyId = company.Id, WorkplaceId = workplace.Id, OccupationCode = "5223", Title = $"Salgsassistent {i}", StartDate = new DateOnly(2027, 1, 1), Status = VacancyStatus.Open });
            var candidate = new Candidate { CaseReference = TestData.NewCaseReference(), DisplayAlias = $"Kandidat {i:X4}", Postcode = "9000" };
            db.Candidates.Add(candidate);
            db.Placements.Add(new Placement { CandidateId = candidate.Id, CompanyId = company.Id, WorkplaceId = workplace.Id, OfferKind = OfferKind.OrdinaryJob, PlannedStart = new DateOnly(2027, 1, 1), PlannedEnd = new DateOnly(2027, 6, 30), ProposedBy = "test" });
            for (var c = 0; c < 4; c++)
            {
                db.ContactLogs.Add(new ContactLog { CompanyId = company.Id, ConsultantId = consultantId, OccurredAt = DateTimeOffset.UtcNow.AddDays(-c), Summary = $"Kontakt {c}" });
            }

            db.Pledges.Add(new Pledge { CompanyId = company.Id, PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 12, 31), Internships = 2, RecordedBy = "test" });
        }

        await db.SaveChangesAsync();
    }
}
