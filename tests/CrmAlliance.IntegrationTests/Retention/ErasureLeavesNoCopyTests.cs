using System.Text.Json.Nodes;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;
using CrmAlliance.IntegrationTests.Yield.Projection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Retention;

/// <summary>
/// After erasure no copy of the candidate's personal values is left: not in any text column of any table (read model,
/// suggestions, outbox, …), not in matching's snapshot, and matching's index no longer suggests them.
/// </summary>
public sealed class ErasureLeavesNoCopyTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string Occupation = "3434";
    private const string SharedSkill = "Hygiejnebevis";

    [Fact]
    public async Task The_old_reference_alias_skills_and_notes_are_nowhere_and_matching_forgets_the_candidate()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var admin = await factory.SignInAsAdminAsync();
        var skill = "Svejsning " + TestData.UniqueLetters(8);
        var comment = "Bemærkning " + TestData.UniqueLetters(8);
        var dismissal = "Afvist " + TestData.UniqueLetters(8);
        var candidate = await RegisterAsync(consultant, [skill, SharedSkill]);
        var control = await RegisterAsync(consultant, [SharedSkill]);
        var reference = candidate["caseReference"]!.GetValue<string>();
        var alias = candidate["displayAlias"]!.GetValue<string>();
        var candidateId = candidate.CandidateGuid();

        await EndedInternshipAsync(consultant, new TestCandidate(candidateId, candidate["id"]!.GetValue<string>(), alias), comment);
        var firstMatch = await SuggestionOfAsync(await PostVacancyAsync(consultant), candidateId);
        await consultant.QueryAsync("mutation($input: DismissMatchInput!) { dismissMatch(input: $input) { id } }", new { input = new { id = GlobalId.Encode("Match", firstMatch.Id), version = firstMatch.Version, reason = dismissal } });
        await SuggestionOfAsync(await PostVacancyAsync(consultant), candidateId);
        await ReadModelSnapshot.SettledAsync(factory);
        foreach (var needle in new[] { reference, skill, comment, dismissal })
        {
            Assert.NotEmpty(await factory.ColumnsHoldingAsync(needle));
        }

        var result = await factory.EraseAsOfAsync(Today);
        await ReadModelSnapshot.SettledAsync(factory);

        Assert.Contains(result.Due, d => d.Id == candidateId);
        foreach (var needle in new[] { reference, alias, skill, comment, dismissal })
        {
            Assert.Empty(await factory.ColumnsHoldingAsync(needle));
        }

        await using (var db = factory.NewDbContext())
        {
            var matches = await db.VacancyMatches.Where(m => m.CandidateId == candidateId).ToListAsync();
            var decided = Assert.Single(matches);
            Assert.Equal((MatchStatus.Dismissed, "", null), (decided.Status, decided.Explanation, decided.Reasons));
        }

        var snapshot = await SnapshotIdsAsync();
        Assert.DoesNotContain(candidateId, snapshot);
        Assert.Contains(control.CandidateGuid(), snapshot);

        var suggested = await SuggestedAsync(await PostVacancyAsync(consultant), control.CandidateGuid());
        Assert.Contains(control.CandidateGuid(), suggested);
        Assert.DoesNotContain(candidateId, suggested);

        var access = await admin.SendAsync("query($ref: String!) { candidateAccessReport(caseReference: $ref) { caseReference } }", new { @ref = reference });
        access.ShouldFailWith("NOT_FOUND");
    }

    private static async Task<JsonNode> RegisterAsync(GraphQLClient consultant, string[] skills)
    {
        var input = CandidateScenario.NewCandidate();
        input["soughtOccupations"] = new[] { Occupation };
        input["skills"] = skills;
        return await consultant.RegisterCandidateAsync(input);
    }

    private static async Task EndedInternshipAsync(GraphQLClient consultant, TestCandidate candidate, string comment)
    {
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 60);
        var start = Today.AddDays(-60);
        var proposed = await consultant.ProposeInternshipAsync(candidate, workplace, start, start.AddDays(27));
        var stated = await consultant.MutateOkAsync("recordEmployeeRepStatement", new
        {
            placementId = Id(proposed),
            version = Version(proposed),
            representativeName = "Hanne Nielsen",
            givenOn = start.AddDays(-3).Iso(),
            isPositive = true,
            comment,
        });
        var approved = await consultant.MutateOkAsync("approvePlacement", new { id = Id(stated), version = Version(stated) });
        var active = await consultant.MutateOkAsync("startPlacement", new { id = Id(approved), version = Version(approved), actualStart = start.Iso() });
        await consultant.MutateOkAsync("endPlacement", new { id = Id(active), version = Version(active), actualEnd = start.AddDays(27).Iso() });
    }

    // The vacancies ask for the shared skill only: the candidate's own marker skill is theirs alone.
    private static async Task<JsonNode> PostVacancyAsync(GraphQLClient consultant)
    {
        var input = VacancyScenario.NewVacancy(await consultant.RegisterCompanyAtWorkAsync());
        input["occupationCode"] = Occupation;
        input["requiredSkills"] = new[] { SharedSkill };
        return await consultant.PostVacancyAsync(input);
    }

    /// <summary>The stored suggestion of the candidate for the vacancy, once matching has made it (or after 10 s).</summary>
    private async Task<VacancyMatch> SuggestionOfAsync(JsonNode vacancy, Guid candidateId)
    {
        var vacancyId = vacancy.VacancyGuid();
        for (var waited = 0; waited < 100; waited++)
        {
            await using var db = factory.NewDbContext();
            if (await db.VacancyMatches.SingleOrDefaultAsync(m => m.VacancyId == vacancyId && m.CandidateId == candidateId && m.Status == MatchStatus.Suggested) is { } match)
            {
                return match;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Matching did not suggest the candidate.");
    }

    /// <summary>The candidates suggested for the vacancy once <paramref name="expected"/> is among them (or after 10 s).</summary>
    private async Task<List<Guid>> SuggestedAsync(JsonNode vacancy, Guid expected)
    {
        var vacancyId = vacancy.VacancyGuid();
        List<Guid> suggested = [];
        for (var waited = 0; waited < 100 && !suggested.Contains(expected); waited++)
        {
            await Task.Delay(100);
            await using var db = factory.NewDbContext();
            suggested = await db.VacancyMatches.Where(m => m.VacancyId == vacancyId && m.Status == MatchStatus.Suggested).Select(m => m.CandidateId).ToListAsync();
        }

        return suggested;
    }

    private async Task<List<Guid>> SnapshotIdsAsync()
    {
        var ids = new List<Guid>();
        Guid? after = null;
        do
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var page = await scope.ServiceProvider.GetRequiredService<CandidateSnapshotQueries>().PageAsync(after, 100, CancellationToken.None);
            ids.AddRange(page.Items.Select(c => c.CandidateId));
            after = page.Next;
        }
        while (after is not null);

        return ids;
    }
}
