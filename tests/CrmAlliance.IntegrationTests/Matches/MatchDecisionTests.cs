using System.Text.Json.Nodes;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Matches;

/// <summary>What consultants do with matching's suggestions, through GraphQL, and who may see them.</summary>
public sealed class MatchDecisionTests(MatchDecisionTests.Factory fixture) : IClassFixture<MatchDecisionTests.Factory>
{
    /// <summary>Matching is off: the tests store the suggestions themselves, as its consumer would.</summary>
    public sealed class Factory : IDisposable
    {
        public CrmApiFactory Api { get; } = new(new Dictionary<string, string> { ["Matching:InProcess"] = "false" });

        public void Dispose() => Api.Dispose();
    }

    private CrmApiFactory Api => fixture.Api;

    private const string MatchesQuery = "query($id: ID!) { vacancy(id: $id) { matches { id version rank score explanation status candidate { id } } matchQuality { suggested accepted dismissed pending acceptRate dismissRate } } }";
    private const string Accept = "mutation($input: AcceptMatchInput!) { acceptMatch(input: $input) { id status offerKind vacancy { id } candidate { id } } }";
    private const string Dismiss = "mutation($input: DismissMatchInput!) { dismissMatch(input: $input) { id status dismissReason version decidedBy { id } } }";

    [Fact]
    public async Task A_consultant_sees_the_suggestions_best_first_and_a_company_user_is_refused()
    {
        var (consultant, company, vacancy, _) = await ArrangeAsync(3);
        var own = (await Api.CreateUserAsync("COMPANY", company.CompanyId)).Client;

        var matches = (await consultant.QueryAsync(MatchesQuery, new { id = vacancy }))["vacancy"]!["matches"]!.AsArray();
        Assert.Equal([1, 2, 3], matches.Select(m => m!["rank"]!.GetValue<int>()));
        Assert.All(matches, m => Assert.Equal("SUGGESTED", m!["status"]!.GetValue<string>()));

        var refused = await own.SendAsync("query($id: ID!) { vacancy(id: $id) { title matches { id } } }", new { id = vacancy });
        refused.ShouldFailWith("FORBIDDEN");
        Assert.Null(refused.Data?["vacancy"]?["matches"]);
    }

    [Fact]
    public async Task Accepting_proposes_the_placement_at_the_vacancy_and_dismissing_needs_a_reason_and_the_rates_follow()
    {
        var (consultant, _, vacancy, _) = await ArrangeAsync(4);
        var matches = (await consultant.QueryAsync(MatchesQuery, new { id = vacancy }))["vacancy"]!["matches"]!.AsArray();

        var placement = (await consultant.QueryAsync(Accept, new { input = new { id = Id(matches[0]), version = 1, plannedStart = Day(30), plannedEnd = Day(120) } }))["acceptMatch"]!;
        Assert.Equal("PROPOSED", placement["status"]!.GetValue<string>());
        Assert.Equal(vacancy, placement["vacancy"]!["id"]!.GetValue<string>());
        Assert.Equal(matches[0]!["candidate"]!["id"]!.GetValue<string>(), placement["candidate"]!["id"]!.GetValue<string>());

        (await consultant.SendAsync(Dismiss, new { input = new { id = Id(matches[1]), version = 1, reason = "  " } })).ShouldFailWith("VALIDATION");
        var dismissed = (await consultant.QueryAsync(Dismiss, new { input = new { id = Id(matches[1]), version = 1, reason = "Har ikke kørekort." } }))["dismissMatch"]!;
        Assert.Equal(("DISMISSED", "Har ikke kørekort.", 2), (dismissed["status"]!.GetValue<string>(), dismissed["dismissReason"]!.GetValue<string>(), dismissed["version"]!.GetValue<int>()));

        (await consultant.SendAsync(Dismiss, new { input = new { id = Id(matches[0]), version = 2, reason = "For sent." } })).ShouldFailWith("RULE_VIOLATION");
        (await consultant.SendAsync(Dismiss, new { input = new { id = Id(matches[2]), version = 7, reason = "For sent." } })).ShouldFailWith("CONFLICT");

        var quality = (await consultant.QueryAsync(MatchesQuery, new { id = vacancy }))["vacancy"]!["matchQuality"]!;
        Assert.Equal((4, 1, 1, 2, 0.25, 0.25), (quality["suggested"]!.GetValue<int>(), quality["accepted"]!.GetValue<int>(), quality["dismissed"]!.GetValue<int>(), quality["pending"]!.GetValue<int>(), quality["acceptRate"]!.GetValue<double>(), quality["dismissRate"]!.GetValue<double>()));
        var overall = (await consultant.QueryAsync("{ matchingQuality { suggested accepted dismissed } }"))["matchingQuality"]!;
        Assert.True(overall["accepted"]!.GetValue<int>() >= 1 && overall["dismissed"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task An_accept_refused_by_a_placement_rule_leaves_the_match_suggested()
    {
        var (consultant, _, vacancy, _) = await ArrangeAsync(1, offerKind: "FLEX_JOB");
        var match = (await consultant.QueryAsync(MatchesQuery, new { id = vacancy }))["vacancy"]!["matches"]![0]!;

        var refused = await consultant.SendAsync(Accept, new { input = new { id = Id(match), version = 1, plannedStart = Day(30), plannedEnd = Day(120) } });
        refused.ShouldFailWith("RULE_VIOLATION");

        await using var db = Api.NewDbContext();
        var stored = await db.VacancyMatches.SingleAsync(m => m.Id == GlobalId.Parse(Id(match), "Match", "id"));
        Assert.Equal((MatchStatus.Suggested, 1, (Guid?)null), (stored.Status, stored.Version, stored.PlacementId));
        Assert.False(await db.Placements.AnyAsync(p => p.CandidateId == stored.CandidateId));
    }

    private static string Id(JsonNode? match) => match!["id"]!.GetValue<string>();

    private static string Day(int fromToday) => TestData.Today.AddDays(fromToday).ToString("yyyy-MM-dd");

    /// <summary>An open vacancy with suggestions stored as the consumer stores them (insured unemployed candidates).</summary>
    private async Task<(GraphQLClient Consultant, CompanyAtWork Company, string Vacancy, List<Guid> Candidates)> ArrangeAsync(int count, string offerKind = "ORDINARY_JOB")
    {
        var consultant = (await Api.CreateUserAsync("CONSULTANT")).Client;
        var company = await consultant.RegisterCompanyAtWorkAsync();
        var input = VacancyScenario.NewVacancy(company);
        input["offerKind"] = offerKind;
        input["hoursPerWeek"] = 20;
        var vacancy = await consultant.PostVacancyAsync(input);
        var candidates = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var candidate = await consultant.RegisterCandidateAsync();
            candidates.Add(GlobalId.Parse(candidate["id"]!.GetValue<string>(), "Candidate", "id"));
        }

        await using var db = Api.NewDbContext();
        db.VacancyMatches.AddRange(candidates.Select((c, i) => new VacancyMatch
        {
            VacancyId = vacancy.VacancyGuid(),
            CandidateId = c,
            Rank = i + 1,
            Score = 0.9 - (i * 0.1),
            Explanation = "same occupation 7233; available",
            VacancyAsOf = DateTimeOffset.UtcNow,
            MatchedAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync();
        return (consultant, company, vacancy["id"]!.GetValue<string>(), candidates);
    }
}
