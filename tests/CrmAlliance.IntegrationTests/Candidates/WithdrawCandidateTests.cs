using System.Text.Json.Nodes;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Candidates;

public sealed class WithdrawCandidateTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    // Only this class's candidates live in Tårs, so the list assertions see no other test's candidates.
    private const string Tårs = "9830";

    private const string ListInTårs = "query($filter: CandidateFilter) { candidates(filter: $filter, first: 100) { edges { node { id withdrawnAt } } } }";

    private async Task<(TestUser Consultant, JsonNode Candidate)> RegisteredInTårsAsync()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var input = CandidateScenario.NewCandidate();
        input["postcode"] = Tårs;
        return (consultant, await consultant.Client.RegisterCandidateAsync(input));
    }

    private static async Task<string[]> ListedIdsAsync(GraphQLClient client, bool? includeWithdrawn)
        => (await client.QueryAsync(ListInTårs, new { filter = new { postcode = Tårs, includeWithdrawn } }))["candidates"]!["edges"]!.AsArray()
            .Select(e => e!["node"]!["id"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task A_consultant_withdraws_a_candidate_with_a_reason_and_CandidateWithdrawn_is_queued()
    {
        var (consultant, candidate) = await RegisteredInTårsAsync();

        var withdrawn = await consultant.Client.WithdrawAsync(candidate, "  Fundet arbejde selv  ");

        Assert.Equal(2, withdrawn["version"]!.GetValue<int>());
        Assert.Equal("Fundet arbejde selv", withdrawn["withdrawalReason"]!.GetValue<string>());
        var stored = factory.Stored(candidate);
        Assert.Equal(("Fundet arbejde selv", 2), (stored.WithdrawalReason, stored.Version));
        Assert.NotNull(stored.WithdrawnAt);
        Assert.Equal(stored.WithdrawnAt, stored.UpdatedAt);
        Assert.Equal(stored.WithdrawnAt, withdrawn["withdrawnAt"]!.GetValue<DateTimeOffset>());
        var messages = factory.Outbox(stored.Id);
        Assert.Equal(["CandidateRegistered", "CandidateWithdrawn"], messages.Select(m => m.MessageType));
        var body = CandidateScenario.BodyOf(messages[1]);
        Assert.Equal(stored.Id, body["candidateId"]!.GetValue<Guid>());
        Assert.Equal(stored.WithdrawnAt, body["withdrawnAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_withdrawn_candidate_is_hidden_from_the_list_unless_asked_for_and_still_found_by_id()
    {
        var (consultant, active) = await RegisteredInTårsAsync();
        var (_, leaving) = await RegisteredInTårsAsync();
        await consultant.Client.WithdrawAsync(leaving);

        var byDefault = await ListedIdsAsync(consultant.Client, includeWithdrawn: null);
        var onlyActive = await ListedIdsAsync(consultant.Client, includeWithdrawn: false);
        var all = await ListedIdsAsync(consultant.Client, includeWithdrawn: true);
        var one = await consultant.Client.QueryAsync("query($id: ID!) { candidate(id: $id) { withdrawnAt withdrawalReason } }", new { id = leaving["id"]!.GetValue<string>() });

        var (activeId, leavingId) = (active["id"]!.GetValue<string>(), leaving["id"]!.GetValue<string>());
        Assert.Contains(activeId, byDefault);
        Assert.DoesNotContain(leavingId, byDefault);
        Assert.Equal(byDefault, onlyActive);
        Assert.Contains(activeId, all);
        Assert.Contains(leavingId, all);
        Assert.Equal("Fundet arbejde selv", one["candidate"]!["withdrawalReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Withdrawing_a_withdrawn_candidate_is_a_CandidateActive_rule_violation_and_changes_nothing()
    {
        var (consultant, candidate) = await RegisteredInTårsAsync();
        var withdrawn = await consultant.Client.WithdrawAsync(candidate, "Flyttet fra kommunen");
        var before = factory.Stored(candidate);

        var again = await consultant.Client.SendAsync(CandidateScenario.Withdraw, new { input = CandidateScenario.WithdrawalOf(withdrawn, "Igen") });

        again.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal("CandidateActive", again.Rule);
        Assert.Contains("Flyttet fra kommunen", again.Message, StringComparison.Ordinal);
        var after = factory.Stored(candidate);
        Assert.Equal((before.WithdrawnAt, "Flyttet fra kommunen", 2), (after.WithdrawnAt, after.WithdrawalReason, after.Version));
        Assert.Equal(2, factory.Outbox(after.Id).Count);
    }

    [Fact]
    public async Task Updating_a_withdrawn_candidate_is_a_CandidateActive_rule_violation_and_changes_nothing()
    {
        var (consultant, candidate) = await RegisteredInTårsAsync();
        var withdrawn = await consultant.Client.WithdrawAsync(candidate);
        var input = CandidateScenario.UpdateOf(withdrawn);
        input["postcode"] = "9000";

        var response = await consultant.Client.SendAsync(CandidateScenario.Update, new { input });

        response.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal("CandidateActive", response.Rule);
        Assert.Equal(["input.id"], response.Fields);
        var stored = factory.Stored(candidate);
        Assert.Equal((Tårs, 2), (stored.Postcode, stored.Version));
        Assert.Equal(["CandidateRegistered", "CandidateWithdrawn"], factory.Outbox(stored.Id).Select(m => m.MessageType));
    }

    [Fact]
    public async Task A_withdrawn_candidate_cannot_be_proposed_for_a_placement()
    {
        var (consultant, candidate) = await RegisteredInTårsAsync();
        await consultant.Client.WithdrawAsync(candidate);
        var workplace = await consultant.Client.RegisterWorkplaceAsync(ordinaryEmployees: 20);

        var response = await consultant.Client.MutateAsync("proposePlacement", new
        {
            candidateId = candidate["id"]!.GetValue<string>(),
            companyId = workplace.CompanyId,
            workplaceId = workplace.WorkplaceId,
            offerKind = "ORDINARY_JOB",
            plannedStart = TestData.Today.AddDays(14).ToString("yyyy-MM-dd"),
            plannedEnd = TestData.Today.AddDays(200).ToString("yyyy-MM-dd"),
        });

        response.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal("CandidateActive", response.Rule);
        Assert.Equal(["input.candidateId"], response.Fields);
        await using var db = factory.NewDbContext();
        var id = candidate.CandidateGuid();
        Assert.False(await db.Placements.AnyAsync(p => p.CandidateId == id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_withdrawal_without_a_reason_is_refused_with_VALIDATION(string reason)
    {
        var (consultant, candidate) = await RegisteredInTårsAsync();

        var response = await consultant.Client.SendAsync(CandidateScenario.Withdraw, new { input = CandidateScenario.WithdrawalOf(candidate, reason) });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.reason"], response.Fields);
        Assert.Null(factory.Stored(candidate).WithdrawnAt);
    }

    [Fact]
    public async Task A_reason_over_500_characters_is_refused_with_VALIDATION()
    {
        var (consultant, candidate) = await RegisteredInTårsAsync();

        var response = await consultant.Client.SendAsync(CandidateScenario.Withdraw, new { input = CandidateScenario.WithdrawalOf(candidate, new string('x', 501)) });

        response.ShouldFailWith("VALIDATION");
        Assert.Null(factory.Stored(candidate).WithdrawnAt);
    }

    [Fact]
    public async Task A_stale_withdrawal_is_refused_with_CONFLICT_and_queues_nothing()
    {
        var (consultant, candidate) = await RegisteredInTårsAsync();
        var update = CandidateScenario.UpdateOf(candidate);
        update["availableFrom"] = "2026-04-01";
        await consultant.Client.QueryAsync(CandidateScenario.Update, new { input = update });

        var response = await consultant.Client.SendAsync(CandidateScenario.Withdraw, new { input = CandidateScenario.WithdrawalOf(candidate) });

        response.ShouldFailWith("CONFLICT");
        Assert.Equal(["input.version"], response.Fields);
        Assert.Null(factory.Stored(candidate).WithdrawnAt);
        Assert.Equal(["CandidateRegistered", "CandidateChanged"], factory.Outbox(candidate.CandidateGuid()).Select(m => m.MessageType));
    }

    [Fact]
    public async Task Withdrawing_an_unknown_candidate_is_NOT_FOUND()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var input = new { id = Api.Infrastructure.GraphQL.GlobalId.Encode("Candidate", Guid.NewGuid()), version = 1, reason = "Fundet arbejde selv" };

        var response = await consultant.Client.SendAsync(CandidateScenario.Withdraw, new { input });

        response.ShouldFailWith("NOT_FOUND");
    }

    [Theory]
    [InlineData("ADMIN")]
    [InlineData("MANAGER")]
    [InlineData("COMPANY")]
    public async Task Only_consultants_withdraw_candidates(string role)
    {
        var (consultant, candidate) = await RegisteredInTårsAsync();
        var companyId = role == "COMPANY" ? (await Vacancies.VacancyScenario.RegisterCompanyAtWorkAsync(consultant.Client)).CompanyId : null;
        var user = await factory.CreateUserAsync(role, companyId);

        var response = await user.Client.SendAsync(CandidateScenario.Withdraw, new { input = CandidateScenario.WithdrawalOf(candidate) });

        response.ShouldFailWith("FORBIDDEN");
        Assert.Null(factory.Stored(candidate).WithdrawnAt);
        Assert.Single(factory.Outbox(candidate.CandidateGuid()));
    }
}
