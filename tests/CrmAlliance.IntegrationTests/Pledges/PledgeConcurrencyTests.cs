using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Pledges;

/// <summary>"At most one pledge per company for any day" holds when 20 users record at once.</summary>
public class PledgeConcurrencyTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
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

    [Fact]
    public async Task Twenty_parallel_updates_from_one_read_keep_exactly_one_and_a_stale_version_is_refused()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var companyId = await consultant.RegisterCompanyAsync("Versioneret A/S");
        var id = await PledgeTests.RecordAsync(consultant, companyId, "2026-01-01", "2026-12-31");

        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => consultant.SendAsync(
            "mutation($input: UpdatePledgeInput!) { updatePledge(input: $input) { version internships } }",
            new { input = PledgeTests.UpdateInput(id, "2026-01-01", "2026-12-31", internships: i + 1, version: 1) })));

        PlacementConcurrencyTests.AssertOneWinner(responses, "updates");
        var winner = responses.Single(r => r.Errors.Count == 0).Data!["updatePledge"]!;
        Assert.Equal(2, winner["version"]!.GetValue<int>());
        await using var db = factory.NewDbContext();
        var key = PlacementDriver.Key(id);
        var stored = await db.Pledges.SingleAsync(p => p.Id == key);
        Assert.Equal((2, winner["internships"]!.GetValue<int>()), (stored.Version, stored.Internships));
        var stale = await consultant.SendAsync(PledgeTests.UpdatePledge, new { input = PledgeTests.UpdateInput(id, "2026-01-01", "2026-12-31", internships: 99, version: 1) });
        stale.ShouldFailWith("CONFLICT");
        Assert.Equal(["input.version"], stale.Fields);
    }

    [Fact]
    public async Task A_removal_with_a_stale_version_is_refused_and_a_removal_racing_updates_leaves_one_consistent_outcome()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var companyId = await consultant.RegisterCompanyAsync("Fjernet A/S");
        var id = await PledgeTests.RecordAsync(consultant, companyId, "2026-01-01", "2026-12-31");
        await consultant.QueryAsync(PledgeTests.UpdatePledge, new { input = PledgeTests.UpdateInput(id, "2026-01-01", "2026-12-31", internships: 3, version: 1) });

        var stale = await consultant.SendAsync("mutation($id: ID!, $v: Int) { removePledge(id: $id, version: $v) }", new { id, v = 1 });

        stale.ShouldFailWith("CONFLICT");
        Assert.Equal(["version"], stale.Fields);

        // Ten updates and ten removals from one read (version 2): exactly one wins, whichever it is.
        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => i % 2 == 0
            ? consultant.SendAsync(PledgeTests.UpdatePledge, new { input = PledgeTests.UpdateInput(id, "2026-01-01", "2026-12-31", internships: i + 1, version: 2) })
            : consultant.SendAsync("mutation($id: ID!, $v: Int) { removePledge(id: $id, version: $v) }", new { id, v = 2 })));

        // One wins; the others find the version moved on (CONFLICT) or, after a removal, the pledge gone (NOT_FOUND).
        var winner = Assert.Single(responses, r => r.Errors.Count == 0);
        var removed = winner.Data!["removePledge"] is not null;
        string[] refusals = removed ? ["CONFLICT", "NOT_FOUND"] : ["CONFLICT"];
        Assert.All(responses.Where(r => r != winner), r => Assert.True(r.Codes.All(refusals.Contains) && (int)r.Status < 500, r.Body));
        await using var db = factory.NewDbContext();
        var key = PlacementDriver.Key(id);
        Assert.Equal(removed ? 0 : 1, await db.Pledges.CountAsync(p => p.Id == key));
    }
}

/// <summary>The pledge races on PostgreSQL, where writers really run at once.</summary>
[OnPostgres]
public sealed class PledgeConcurrencyOnPostgresTests(PostgresApiFactory factory) : PledgeConcurrencyTests(factory), IClassFixture<PostgresApiFactory>;
