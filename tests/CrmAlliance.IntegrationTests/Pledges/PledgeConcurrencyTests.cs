using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Pledges;

/// <summary>"At most one pledge per company for any day" holds when 20 users record at once.</summary>
public sealed class PledgeConcurrencyTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const int Parallel = 20;
    private const int Rounds = 5;

    [Fact]
    public async Task Twenty_parallel_overlapping_pledges_store_exactly_one()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        for (var round = 1; round <= Rounds; round++)
        {
            var companyId = await consultant.RegisterCompanyAsync($"Samtidig {round} A/S");

            // Every period overlaps every other: all start in January 2026 and end after June.
            var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => consultant.SendAsync(PledgeTests.RecordPledge, new
            {
                input = new { companyId, periodStart = $"2026-01-{i + 1:D2}", periodEnd = $"2026-07-{i + 1:D2}", internships = i + 1 },
            })));

            PlacementConcurrencyTests.AssertOneWinner(responses, $"round {round}");
            await using var db = factory.NewDbContext();
            var key = PlacementDriver.Key(companyId);
            Assert.Equal(1, await db.Pledges.CountAsync(p => p.CompanyId == key));
        }
    }
}
