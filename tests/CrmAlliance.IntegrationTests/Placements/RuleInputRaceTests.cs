using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Placements;

/// <summary>
/// A rule is judged on what it reads; a change to that input committed meanwhile — a workplace's headcount, a
/// placement's period — must not slip past it. The commit order, recorded inside SQLite's write lock, is the oracle.
/// </summary>
public sealed class RuleInputRaceTests : IDisposable
{
    private const int Rounds = 8;
    private readonly CommitOrder _order = new(entry => entry switch
    {
        { Entity: Placement { Status: PlacementStatus.Approved } p, State: EntityState.Modified } => "approved " + p.Id,
        { Entity: Workplace w, State: EntityState.Modified } when entry.Property(nameof(Workplace.OrdinaryEmployees)).IsModified => "employees " + w.OrdinaryEmployees,
        _ => null,
    });

    private readonly CrmApiFactory _factory;

    public RuleInputRaceTests()
    {
        _factory = new CrmApiFactory(new Dictionary<string, string>(), services => services.ConfigureDbContext<SqliteCrmDbContext>(o => o.AddInterceptors(_order)));
    }

    [Fact]
    public async Task An_approval_racing_a_smaller_headcount_never_commits_after_it_on_the_old_count()
    {
        var consultant = (await _factory.CreateUserAsync("CONSULTANT")).Client;
        for (var round = 1; round <= Rounds; round++)
        {
            // 10 employees: 2 places, one taken. Shrinking to 4 leaves 1 place: taken.
            var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 10);
            await consultant.ApprovedInternshipAsync(await _factory.CreateCandidateAsync(), workplace, Today.AddDays(10));
            var waiting = await consultant.ProposeInternshipAsync(await _factory.CreateCandidateAsync(), workplace, Today.AddDays(10), Today.AddDays(30));
            waiting = await consultant.RecordStatementAsync(waiting, Today);

            var approve = consultant.MutateAsync("approvePlacement", new { id = Id(waiting), version = Version(waiting) });
            var shrink = consultant.SendAsync("mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }", new
            {
                input = new { id = workplace.WorkplaceId, companyId = workplace.CompanyId, pNumber = workplace.PNumber, name = "Hovedkontor", address = "Boulevarden 1", postcode = "9000", ordinaryEmployees = 4, employeesReportedFor = Today.Iso(), averageEmployees12Months = 0 },
            });
            var (approved, shrunk) = (await approve, await shrink);

            Assert.True(shrunk.Errors.Count == 0, shrunk.Body);
            Assert.True((int)approved.Status < 500 && approved.Codes.All(c => c is null or "RULE_VIOLATION" or "CONFLICT"), approved.Body);
            var log = _order.Committed;
            var approvedAt = IndexOf(log, "approved " + Key(Id(waiting)));
            var shrunkAt = log.ToList().FindLastIndex(l => l == "employees 4");
            Assert.True(approvedAt < 0 || approvedAt < shrunkAt, $"round {round}: approved after the headcount fell to 4 (commits: {string.Join(", ", log.TakeLast(4))})");
            Assert.Equal(approved.Errors.Count == 0, approvedAt >= 0);
        }
    }

    [Fact]
    public async Task Starting_a_placement_earlier_than_planned_may_not_run_into_the_candidates_other_placement()
    {
        var consultant = (await _factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 500);
        var candidate = await _factory.CreateCandidateAsync();
        var later = await consultant.ProposeInternshipAsync(candidate, workplace, Today.AddDays(3), Today.AddDays(24));
        later = await consultant.RecordStatementAsync(later, Today.AddDays(-10));
        later = await consultant.MutateOkAsync("approvePlacement", new { id = Id(later), version = Version(later) });
        var earlier = await consultant.ProposeInternshipAsync(candidate, workplace, Today.AddDays(-20), Today.AddDays(-1));

        var started = await consultant.MutateAsync("startPlacement", new { id = Id(later), version = Version(later), actualStart = Today.AddDays(-2).Iso() });

        started.ShouldFailWith("CONFLICT");
        Assert.Equal(["input.actualStart"], started.Fields);
        Assert.Equal(PlacementStatus.Approved, (await _factory.StoredPlacementAsync(Id(later))).Status);
        Assert.Equal(PlacementStatus.Proposed, (await _factory.StoredPlacementAsync(Id(earlier))).Status);
        await consultant.MutateOkAsync("startPlacement", new { id = Id(later), version = Version(later), actualStart = Today.Iso() });
    }

    [Fact]
    public async Task A_resource_programme_participant_moved_to_a_counted_target_group_needs_a_free_place_also_when_racing_an_approval()
    {
        var consultant = (await _factory.CreateUserAsync("CONSULTANT")).Client;
        for (var round = 1; round <= Rounds; round++)
        {
            // 9 employees: 1 place. The participant's internship takes none; a waiting proposal would take it.
            var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 9);
            var input = CandidateScenario.NewCandidate();
            input["targetGroup"] = "RESOURCE_PROGRAMME";
            var participant = await consultant.RegisterCandidateAsync(input);
            await consultant.ApprovedInternshipAsync(new TestCandidate(participant.CandidateGuid(), participant["id"]!.GetValue<string>(), "R"), workplace, Today.AddDays(10));
            var waiting = await consultant.ProposeInternshipAsync(await _factory.CreateCandidateAsync(), workplace, Today.AddDays(10), Today.AddDays(30));
            waiting = await consultant.RecordStatementAsync(waiting, Today);
            var moved = CandidateScenario.UpdateOf(participant);
            moved["targetGroup"] = "INSURED_UNEMPLOYED";

            var responses = await Task.WhenAll(
                consultant.MutateAsync("approvePlacement", new { id = Id(waiting), version = Version(waiting) }),
                consultant.SendAsync(CandidateScenario.Update, new { input = moved }));

            PlacementConcurrencyTests.AssertOneWinner(responses, $"round {round}");
            if (responses[0].Errors.Count == 0)
            {
                Assert.Equal(["input.targetGroup"], responses[1].Fields);
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> log, string label) => log.ToList().IndexOf(label);

    public void Dispose() => _factory.Dispose();
}
