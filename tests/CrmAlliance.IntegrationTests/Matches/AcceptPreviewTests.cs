using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Matches;

/// <summary>
/// What the web UI's proposal page shows before a consultant accepts a suggestion: every placement rule accepting would
/// judge, each with why it holds or the refusal accepting would give, and nothing written.
/// </summary>
public sealed class AcceptPreviewTests(AcceptPreviewTests.Factory fixture) : IClassFixture<AcceptPreviewTests.Factory>
{
    /// <summary>Matching is off: the tests store the suggestions themselves, as its consumer would.</summary>
    public sealed class Factory : IDisposable
    {
        public CrmApiFactory Api { get; } = new(new Dictionary<string, string> { ["Matching:InProcess"] = "false" });

        public void Dispose() => Api.Dispose();
    }

    private static readonly string[] RulesInOrder =
    [
        "CandidateActive", PlacementRuleNames.InternshipPurpose, PlacementRuleNames.LastEmployer, PlacementRuleNames.FlexJobEligibility,
        PlacementRuleNames.MaximumDuration, PlacementRuleNames.CandidateOverlap, PlacementRuleNames.Ratio,
    ];

    private CrmApiFactory Api => fixture.Api;

    [Fact]
    public async Task The_preview_names_every_rule_in_order_says_in_Danish_why_each_holds_and_writes_nothing()
    {
        var (consultant, actor, match) = await ArrangeAsync("INTERNSHIP");
        var (placements, stamps) = await CountsAsync();

        var checks = await PreviewAsync(actor, new AcceptMatchInput(match.Id, 1, Day(30), Day(30 + 27), InternshipPurpose.Hiring));

        Assert.Equal(RulesInOrder, checks.Select(c => c.Rule));
        Assert.All(checks, c => Assert.True(c.Passed, c.Refusal?.Message));
        var danish = checks.Select(c => Refusals.Describe(c.Holds!, Refusals.Danish)).ToList();
        Assert.Equal("Kandidaten er i kandidatpuljen.", danish[0]);
        Assert.Equal("Virksomhedspraktikken har et formål: ansættelse.", danish[1]);
        Assert.StartsWith("Arbejdsstedet med P-nummer ", danish[6], StringComparison.Ordinal);
        Assert.Contains("har 0 af 8 tilladte pladser i praktik/løntilskud optaget for 40 ordinære ansatte", danish[6], StringComparison.Ordinal);

        await using var db = Api.NewDbContext();
        var stored = await db.VacancyMatches.AsNoTracking().SingleAsync(m => m.Id == match.Id);
        Assert.Equal((MatchStatus.Suggested, 1), (stored.Status, stored.Version));
        Assert.Equal((placements, stamps), await CountsAsync());

        // And the accept it previewed goes through.
        var accepted = await consultant.QueryAsync(
            "mutation($input: AcceptMatchInput!) { acceptMatch(input: $input) { status } }",
            new { input = new { id = GlobalId.Encode("Match", match.Id), version = 1, plannedStart = Iso(Day(30)), plannedEnd = Iso(Day(57)), purpose = "HIRING" } });
        Assert.Equal("PROPOSED", accepted["acceptMatch"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_preview_goes_on_after_a_refusal_and_gives_each_the_refusal_accepting_gives()
    {
        var (consultant, actor, match) = await ArrangeAsync("INTERNSHIP");

        // No purpose, and 8 weeks for an insured unemployed candidate (at most 4): two rules refuse, the others hold.
        var input = new AcceptMatchInput(match.Id, 1, Day(30), Day(30 + 55));
        var checks = await PreviewAsync(actor, input);

        Assert.Equal(RulesInOrder, checks.Select(c => c.Rule));
        Assert.Equal([PlacementRuleNames.InternshipPurpose, PlacementRuleNames.MaximumDuration], checks.Where(c => !c.Passed).Select(c => c.Rule));
        var accepting = await consultant.SendAsync(
            "mutation($input: AcceptMatchInput!) { acceptMatch(input: $input) { id } }",
            new { input = new { id = GlobalId.Encode("Match", match.Id), version = 1, plannedStart = Iso(input.PlannedStart), plannedEnd = Iso(input.PlannedEnd) } });
        accepting.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal(accepting.Message, checks.First(c => !c.Passed).Refusal!.Message);
        Assert.StartsWith("virksomhedspraktik for en kandidat i målgruppen dagpengemodtagere må højst vare 4 uger", Refusals.Describe(checks.Single(c => c.Rule == PlacementRuleNames.MaximumDuration).Refusal!, Refusals.Danish), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_is_refused_like_accepting_for_a_decided_match_bad_dates_and_anyone_but_a_consultant()
    {
        var (consultant, actor, match) = await ArrangeAsync("ORDINARY_JOB");

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => PreviewAsync(actor, new AcceptMatchInput(match.Id, 1, Day(30), Day(30))));
        Assert.Equal("plannedEnd", Assert.Single(invalid.Errors).Field);
        var manager = await Api.CreateUserAsync("MANAGER");
        await Assert.ThrowsAsync<ForbiddenException>(() => PreviewAsync(Staff(manager, Role.Manager), new AcceptMatchInput(match.Id, 1, Day(30), Day(60))));

        await consultant.QueryAsync(
            "mutation($input: DismissMatchInput!) { dismissMatch(input: $input) { id } }",
            new { input = new { id = GlobalId.Encode("Match", match.Id), version = 1, reason = "Flyttet fra kommunen." } });
        var decided = await Assert.ThrowsAsync<RuleViolationException>(() => PreviewAsync(actor, new AcceptMatchInput(match.Id, 2, Day(30), Day(60))));
        Assert.Equal(DecideMatchHandler.DecidableRule, decided.Rule);
    }

    [Fact]
    public async Task A_consultant_sees_their_own_companies_open_vacancies_with_undecided_suggestions_and_a_manager_sees_every_company()
    {
        var (own, ownActor, ownMatch) = await ArrangeAsync("ORDINARY_JOB");
        var (_, otherActor, otherMatch) = await ArrangeAsync("ORDINARY_JOB");
        await using (var db = Api.NewDbContext())
        {
            foreach (var (match, responsible) in new[] { (ownMatch, ownActor), (otherMatch, otherActor) })
            {
                var companyId = await db.Vacancies.Where(v => v.Id == match.VacancyId).Select(v => v.CompanyId).SingleAsync();
                await db.Companies.Where(c => c.Id == companyId).ExecuteUpdateAsync(c => c.SetProperty(x => x.ResponsibleConsultantId, responsible.UserId));
            }
        }

        var waiting = Assert.Single((await AwaitingAsync(ownActor)).Items);
        Assert.Equal((ownMatch.VacancyId, "Industrimekaniker", 1), (waiting.VacancyId, waiting.Title, waiting.Undecided));
        var manager = await Api.CreateUserAsync("MANAGER");
        var all = await AwaitingAsync(Staff(manager, Role.Manager));
        Assert.Contains(all.Items, v => v.VacancyId == otherMatch.VacancyId);
        Assert.Contains(all.Items, v => v.VacancyId == ownMatch.VacancyId);

        // Decided: no longer waiting.
        await own.QueryAsync(
            "mutation($input: DismissMatchInput!) { dismissMatch(input: $input) { id } }",
            new { input = new { id = GlobalId.Encode("Match", ownMatch.Id), version = 1, reason = "Har fået job selv." } });
        Assert.Empty((await AwaitingAsync(ownActor)).Items);
    }

    private async Task<Page<VacancyAwaitingDecision>> AwaitingAsync(Actor actor)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchQueries>().AwaitingDecisionAsync(new PageRequest(), actor, CancellationToken.None);
    }

    private async Task<IReadOnlyList<ProposalCheck>> PreviewAsync(Actor actor, AcceptMatchInput input)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DecideMatchHandler>().PreviewAcceptAsync(input, actor, CancellationToken.None);
    }

    private async Task<(int Placements, int Stamps)> CountsAsync()
    {
        await using var db = Api.NewDbContext();
        return (await db.Placements.CountAsync(), await db.RuleStamps.SumAsync(s => s.Stamp));
    }

    /// <summary>The user as the core's actor, by their Identity key (the test user carries the GraphQL global ID).</summary>
    private static Actor Staff(TestUser user, Role role) => new(GlobalId.ParseKey(user.Id, "User", "id"), user.Email, role, null);

    private static DateOnly Day(int fromToday) => TestData.Today.AddDays(fromToday);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An open vacancy of the kind at a workplace of 40 ordinary employees, with one insured-unemployed candidate suggested.</summary>
    private async Task<(GraphQLClient Consultant, Actor Actor, VacancyMatch Match)> ArrangeAsync(string offerKind)
    {
        var user = await Api.CreateUserAsync("CONSULTANT");
        var company = await user.Client.RegisterCompanyAtWorkAsync();
        var input = VacancyScenario.NewVacancy(company);
        input["offerKind"] = offerKind;
        var vacancy = await user.Client.PostVacancyAsync(input);
        var candidate = GlobalId.Parse((await user.Client.RegisterCandidateAsync())["id"]!.GetValue<string>(), "Candidate", "id");

        await using var db = Api.NewDbContext();
        var match = new VacancyMatch
        {
            VacancyId = vacancy.VacancyGuid(),
            CandidateId = candidate,
            Rank = 1,
            Score = 0.9,
            Explanation = "same occupation 7233; available",
            VacancyAsOf = DateTimeOffset.UtcNow,
            MatchedAt = DateTimeOffset.UtcNow,
        };
        db.VacancyMatches.Add(match);
        await db.SaveChangesAsync();
        return (user.Client, Staff(user, Role.Consultant), match);
    }
}
