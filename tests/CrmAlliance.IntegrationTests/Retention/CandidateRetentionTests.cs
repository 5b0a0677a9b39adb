using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Retention;

/// <summary>
/// Who the retention period erases and when: 5 years (configured) after the later of the withdrawal and the last
/// placement's end, never while a placement is proposed, approved or running; a dry run changes nothing; runs are recorded.
/// </summary>
public sealed class CandidateRetentionTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_candidate_is_erased_once_the_later_of_withdrawal_and_last_placement_end_is_five_years_past_and_not_a_day_before()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 60);
        var endedTenDaysAgo = await factory.CreateCandidateAsync();
        await consultant.CompletedInternshipAsync(endedTenDaysAgo, workplace, Today.AddDays(-10));
        var endedThenWithdrawnToday = await factory.CreateCandidateAsync();
        await consultant.CompletedInternshipAsync(endedThenWithdrawnToday, workplace, Today.AddDays(-10));
        await WithdrawAsync(consultant, endedThenWithdrawnToday.GlobalId);

        await factory.EraseAsOfAsync(Today.AddDays(-11));
        Assert.False(await ErasedAsync(endedTenDaysAgo.Id));
        Assert.False(await ErasedAsync(endedThenWithdrawnToday.Id));

        var result = await factory.EraseAsOfAsync(Today.AddDays(-10));
        Assert.True(await ErasedAsync(endedTenDaysAgo.Id));
        Assert.False(await ErasedAsync(endedThenWithdrawnToday.Id));
        Assert.Contains(result.Due, d => d.Id == endedTenDaysAgo.Id);

        await factory.EraseAsOfAsync(Today);
        Assert.True(await ErasedAsync(endedThenWithdrawnToday.Id));
    }

    [Fact]
    public async Task A_candidate_with_a_proposed_approved_or_running_placement_is_never_erased()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 200);
        var proposed = await factory.CreateCandidateAsync();
        await consultant.ProposeInternshipAsync(proposed, workplace, Today.AddDays(20), Today.AddDays(40));
        var approved = await factory.CreateCandidateAsync();
        await consultant.ApprovedInternshipAsync(approved, workplace, Today.AddDays(30));
        var running = await factory.CreateCandidateAsync();
        var toStart = await consultant.ApprovedInternshipAsync(running, workplace, Today.AddDays(-5));
        await consultant.MutateOkAsync("startPlacement", new { id = Id(toStart), version = Version(toStart), actualStart = Today.AddDays(-5).Iso() });

        // Not even a lifetime later.
        var result = await factory.EraseAsOfAsync(Today.AddYears(30));

        Assert.DoesNotContain(result.Due, d => d.Id == proposed.Id || d.Id == approved.Id || d.Id == running.Id);
        foreach (var candidate in new[] { proposed, approved, running })
        {
            Assert.False(await ErasedAsync(candidate.Id));
        }
    }

    [Fact]
    public async Task A_candidate_in_the_pool_without_placements_is_never_due_and_a_cancelled_placement_counts_from_its_planned_end()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 60);
        var inPool = await factory.CreateCandidateAsync();
        var cancelled = await factory.CreateCandidateAsync();
        var proposed = await consultant.ProposeInternshipAsync(cancelled, workplace, Today.AddDays(20), Today.AddDays(40));
        await consultant.MutateOkAsync("cancelPlacement", new { id = Id(proposed), version = Version(proposed), reason = "Kandidaten takkede nej." });

        await factory.EraseAsOfAsync(Today.AddDays(39));
        Assert.False(await ErasedAsync(cancelled.Id));

        await factory.EraseAsOfAsync(Today.AddDays(40));
        Assert.True(await ErasedAsync(cancelled.Id));
        Assert.False(await ErasedAsync(inPool.Id));
    }

    [Fact]
    public async Task A_dry_run_lists_the_due_by_id_and_anonymous_key_and_changes_nothing_and_a_real_run_is_recorded()
    {
        var candidate = await factory.CreateCandidateAsync();
        await factory.WithdrawYearsAgoAsync(candidate.Id, 6);
        string reference;
        await using (var db = factory.NewDbContext())
        {
            reference = (await db.Candidates.SingleAsync(c => c.Id == candidate.Id)).CaseReference;
        }

        var before = await DatabaseTextAsync();
        var dry = await factory.EraseAsOfAsync(Today, dryRun: true);

        Assert.True(dry.DryRun);
        Assert.Contains(dry.Due, d => d.Id == candidate.Id && d.AnonymousKey == CandidateValidation.AnonymousKey(candidate.Id));
        Assert.Equal(before, await DatabaseTextAsync());
        Assert.DoesNotContain(reference, string.Join(" ", dry.Due), StringComparison.Ordinal);

        var real = await factory.EraseAsOfAsync(Today);
        Assert.True(await ErasedAsync(candidate.Id));
        await using var check = factory.NewDbContext();
        var run = await check.RetentionRuns.OrderByDescending(r => r.StartedAt).FirstAsync();
        Assert.Equal(("test", real.Erased, real.Skipped, Today), (run.TriggeredBy, run.CandidatesErased, run.CandidatesSkipped, run.DueThrough));
        Assert.True(run.CandidatesErased >= 1);
    }

    [Fact]
    public async Task A_real_case_reference_may_not_take_the_anonymous_keys_prefix()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;

        var response = await consultant.SendAsync(CandidateScenario.Register, new { input = CandidateScenario.NewCandidate("slettet-ABC") });

        response.ShouldFailWith("VALIDATION");
        Assert.Contains("input.caseReference", response.Fields);
    }

    private static Task<System.Text.Json.Nodes.JsonNode> WithdrawAsync(GraphQLClient consultant, string candidateId)
        => consultant.QueryAsync("mutation($input: WithdrawCandidateInput!) { withdrawCandidate(input: $input) { id } }", new { input = new { id = candidateId, version = 1, reason = "Fik selv arbejde." } });

    private async Task<bool> ErasedAsync(Guid candidateId)
    {
        await using var db = factory.NewDbContext();
        var candidate = await db.Candidates.SingleAsync(c => c.Id == candidateId);
        return candidate.ErasedAt is not null && candidate.CaseReference == CandidateValidation.AnonymousKey(candidateId);
    }

    /// <summary>The tables a run may change, as text.</summary>
    private async Task<string> DatabaseTextAsync()
    {
        await using var db = factory.NewDbContext();
        var candidates = await db.Candidates.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        var placements = await db.Placements.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        var matches = await db.VacancyMatches.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        var outbox = await db.OutboxMessages.AsNoTracking().CountAsync();
        var runs = await db.RetentionRuns.AsNoTracking().CountAsync();
        return System.Text.Json.JsonSerializer.Serialize(new { candidates, placements, matches, outbox, runs });
    }
}
