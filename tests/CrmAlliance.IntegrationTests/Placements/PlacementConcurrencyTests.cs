using CrmAlliance.Api.Features.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Placements;

/// <summary>
/// The ratio rule and "one live placement per candidate and period" hold when 20 users act at once: each round has
/// exactly one winner, and every loser is refused with CONFLICT or RULE_VIOLATION, never an internal error.
/// </summary>
public class PlacementConcurrencyTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const int Parallel = 20;
    private const int Rounds = 5;

    [Fact]
    public async Task Twenty_parallel_approvals_at_a_workplace_with_room_for_one_approve_exactly_one()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        for (var round = 1; round <= Rounds; round++)
        {
            var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 9);
            var proposals = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
                await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(10), Today.AddDays(30))));

            var responses = await Task.WhenAll(proposals.Select(p => consultant.MutateAsync("approvePlacement", new { id = Id(p), version = Version(p) })));

            AssertOneWinner(responses, $"round {round}");
            await using var db = factory.NewDbContext();
            var workplaceId = Key(workplace.WorkplaceId);
            Assert.Equal(1, await db.Placements.CountAsync(p => p.WorkplaceId == workplaceId && p.Status == PlacementStatus.Approved));
        }
    }

    [Fact]
    public async Task Twenty_parallel_proposals_of_one_candidate_for_one_period_create_exactly_one_placement()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 500);
        for (var round = 1; round <= Rounds; round++)
        {
            var candidate = await factory.CreateCandidateAsync();
            var input = new
            {
                candidateId = candidate.GlobalId,
                companyId = workplace.CompanyId,
                workplaceId = workplace.WorkplaceId,
                offerKind = "INTERNSHIP",
                purpose = "HIRING",
                plannedStart = Today.AddDays(10).Iso(),
                plannedEnd = Today.AddDays(30).Iso(),
            };

            var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => consultant.MutateAsync("proposePlacement", input)));

            AssertOneWinner(responses, $"round {round}");
            await using var db = factory.NewDbContext();
            Assert.Equal(1, await db.Placements.CountAsync(p => p.CandidateId == candidate.Id));
        }
    }

    /// <summary>Exactly one response without errors; every other one refused with CONFLICT or RULE_VIOLATION.</summary>
    internal static void AssertOneWinner(IReadOnlyList<GraphQLResponse> responses, string round)
    {
        var winners = responses.Count(r => r.Errors.Count == 0);
        var refusals = responses.Where(r => r.Errors.Count > 0).SelectMany(r => r.Codes).GroupBy(c => c ?? "(none)").ToDictionary(g => g.Key, g => g.Count());
        var summary = $"{round}: {winners} winners; refusals {string.Join(", ", refusals.Select(kv => $"{kv.Key}={kv.Value}"))}; e.g. "
            + responses.FirstOrDefault(r => r.Errors.Count > 0 && r.Codes.Any(c => c is not ("CONFLICT" or "RULE_VIOLATION")))?.Body;
        Assert.True(winners == 1, summary);
        Assert.True(refusals.Keys.All(c => c is "CONFLICT" or "RULE_VIOLATION"), summary);
        Assert.All(responses, r => Assert.True((int)r.Status < 500, summary));
    }
}

/// <summary>The same races on PostgreSQL, where writers really run at once (SQLite lets one write at a time).</summary>
[OnPostgres]
public sealed class PlacementConcurrencyOnPostgresTests(PostgresApiFactory factory) : PlacementConcurrencyTests(factory), IClassFixture<PostgresApiFactory>;
