using CrmAlliance.Api.Features.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Placements;

/// <summary>Who may read and change placements: staff, a company user of the same company, and of another.</summary>
public sealed class PlacementAccessTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string ReadAll = "query($id: ID!) { placement(id: $id) { id candidateAlias candidateId candidateTargetGroup exemptions { rule } outcomes { monthsAfterEnd } company { id } } }";

    private sealed record Arranged(GraphQLClient Consultant, TestWorkplace Workplace, TestCandidate Candidate, string PlacementId);

    /// <summary>A completed internship (with a ratio-rule exemption) that ended 40 days ago, with its outcome at the end and at 1 month.</summary>
    private async Task<Arranged> CompletedPlacementAsync()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 12);
        var candidate = await factory.CreateCandidateAsync();
        var end = Today.AddDays(-40);
        var start = end.AddDays(-27);
        var proposed = await consultant.ProposeInternshipAsync(candidate, workplace, start, end, [new { rule = "RATIO_RULE", reason = "Afdelingen ansætter to i næste måned." }]);
        var stated = await consultant.RecordStatementAsync(proposed, start.AddDays(-2));
        var approved = await consultant.MutateOkAsync("approvePlacement", new { id = Id(stated), version = Version(stated) });
        var active = await consultant.MutateOkAsync("startPlacement", new { id = Id(approved), version = Version(approved), actualStart = start.Iso() });
        var ended = await consultant.MutateOkAsync("endPlacement", new { id = Id(active), version = Version(active), actualEnd = end.Iso() });
        await consultant.MutateOkAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = 0, endResult = "EDUCATION" }, OutcomeFields);
        await consultant.MutateOkAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = 1, selfSupporting = true }, OutcomeFields);
        return new Arranged(consultant, workplace, candidate, Id(ended));
    }

    [Theory]
    [InlineData("CONSULTANT")]
    [InlineData("MANAGER")]
    [InlineData("ADMIN")]
    public async Task Staff_read_a_placement_with_its_candidate_exemptions_and_every_outcome(string role)
    {
        var arranged = await CompletedPlacementAsync();
        var reader = (await factory.CreateUserAsync(role)).Client;

        var read = (await reader.QueryAsync(ReadAll, new { id = arranged.PlacementId }))["placement"]!;
        var listed = await reader.QueryAsync("query($c: ID) { placements(filter: { companyId: $c }) { totalCount } ruleExemptions(first: 1) { totalCount } }", new { c = arranged.Workplace.CompanyId });

        Assert.Equal(arranged.Candidate.GlobalId, read["candidateId"]!.GetValue<string>());
        Assert.Equal("INSURED_UNEMPLOYED", read["candidateTargetGroup"]!.GetValue<string>());
        Assert.Equal("RATIO_RULE", read["exemptions"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal([0, 1], read["outcomes"]!.AsArray().Select(o => o!["monthsAfterEnd"]!.GetValue<int>()));
        Assert.Equal(1, listed["placements"]!["totalCount"]!.GetValue<int>());
        Assert.True(listed["ruleExemptions"]!["totalCount"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task A_company_user_sees_its_own_placements_with_the_candidate_by_alias_and_no_outcome()
    {
        var arranged = await CompletedPlacementAsync();
        var companyUser = (await factory.CreateUserAsync("COMPANY", arranged.Workplace.CompanyId)).Client;

        var read = await companyUser.QueryAsync(
            "query($id: ID!) { placement(id: $id) { candidateAlias status outcomes { monthsAfterEnd endResult } workplace { pNumber } company { cvr } } placements(first: 100) { totalCount edges { node { company { id } } } } }",
            new { id = arranged.PlacementId });

        Assert.Equal(arranged.Candidate.Alias, read["placement"]!["candidateAlias"]!.GetValue<string>());
        Assert.Equal(arranged.Workplace.PNumber, read["placement"]!["workplace"]!["pNumber"]!.GetValue<string>());
        Assert.Empty(read["placement"]!["outcomes"]!.AsArray());
        Assert.Equal("COMPLETED", read["placement"]!["status"]!.GetValue<string>());
        Assert.Equal(1, read["placements"]!["totalCount"]!.GetValue<int>());
        Assert.All(read["placements"]!["edges"]!.AsArray(), e => Assert.Equal(arranged.Workplace.CompanyId, e!["node"]!["company"]!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("candidateId")]
    [InlineData("candidateTargetGroup")]
    [InlineData("exemptions { rule }")]
    public async Task A_company_user_is_refused_the_candidate_and_the_exemptions_of_its_own_placement(string field)
    {
        var arranged = await CompletedPlacementAsync();
        var companyUser = (await factory.CreateUserAsync("COMPANY", arranged.Workplace.CompanyId)).Client;

        var response = await companyUser.SendAsync($"query($id: ID!) {{ placement(id: $id) {{ id {field} }} }}", new { id = arranged.PlacementId });

        response.ShouldFailWith("FORBIDDEN");
        Assert.Equal(arranged.PlacementId, response.Data!["placement"]!["id"]!.GetValue<string>());
        Assert.Equal("placement", response.Errors[0]["path"]![0]!.GetValue<string>());
        Assert.DoesNotContain(arranged.Candidate.GlobalId, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("INSURED_UNEMPLOYED", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_user_is_refused_the_list_of_exemptions()
    {
        var arranged = await CompletedPlacementAsync();
        var companyUser = (await factory.CreateUserAsync("COMPANY", arranged.Workplace.CompanyId)).Client;

        var response = await companyUser.SendAsync("{ ruleExemptions { totalCount } }");

        response.ShouldFailWith("FORBIDDEN");
    }

    [Fact]
    public async Task A_company_user_of_another_company_sees_none_of_its_placements()
    {
        var arranged = await CompletedPlacementAsync();
        var otherCompany = await arranged.Consultant.RegisterWorkplaceAsync(ordinaryEmployees: 3);
        var outsider = (await factory.CreateUserAsync("COMPANY", otherCompany.CompanyId)).Client;

        var read = await outsider.QueryAsync(
            "query($id: ID!, $c: ID) { placement(id: $id) { id } node(id: $id) { id } placements(filter: { companyId: $c }) { totalCount } all: placements { totalCount } }",
            new { id = arranged.PlacementId, c = arranged.Workplace.CompanyId });

        Assert.Null(read["placement"]);
        Assert.Null(read["node"]);
        Assert.Equal(0, read["placements"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, read["all"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("MANAGER", false)]
    [InlineData("ADMIN", false)]
    [InlineData("COMPANY", false)]
    [InlineData("COMPANY", true)]
    public async Task Only_consultants_change_placements_and_a_refusal_changes_nothing(string role, bool ofOtherCompany)
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 12);
        var candidate = await factory.CreateCandidateAsync();
        var proposed = await consultant.ProposeInternshipAsync(candidate, workplace, Today.AddDays(5), Today.AddDays(20));
        var ended = await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(-1));
        var companyId = ofOtherCompany ? (await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 1)).CompanyId : role == "COMPANY" ? workplace.CompanyId : null;
        var user = (await factory.CreateUserAsync(role, companyId)).Client;
        var id = Id(proposed);

        var attempts = new List<GraphQLResponse>
        {
            await user.MutateAsync("proposePlacement", new { candidateId = (await factory.CreateCandidateAsync()).GlobalId, companyId = workplace.CompanyId, workplaceId = workplace.WorkplaceId, offerKind = "INTERNSHIP", purpose = "HIRING", plannedStart = Today.AddDays(5).Iso(), plannedEnd = Today.AddDays(20).Iso() }),
            await user.MutateAsync("recordEmployeeRepStatement", new { placementId = id, version = 1, representativeName = "X", givenOn = Today.Iso(), isPositive = true }),
            await user.MutateAsync("recordRuleExemption", new { placementId = id, version = 1, rule = "RATIO_RULE", reason = "X" }),
            await user.MutateAsync("approvePlacement", new { id, version = 1 }),
            await user.MutateAsync("startPlacement", new { id, version = 1, actualStart = Today.Iso() }),
            await user.MutateAsync("endPlacement", new { id, version = 1, actualEnd = Today.Iso() }),
            await user.MutateAsync("cancelPlacement", new { id, version = 1, reason = "X" }),
            await user.MutateAsync("confirmAdditionalEmployment", new { placementId = id, version = 1, noDismissalWithin3Months = true }),
            await user.MutateAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = 0, endResult = "EDUCATION" }, OutcomeFields),
        };

        Assert.All(attempts, a => a.ShouldFailWith("FORBIDDEN"));
        await using var db = factory.NewDbContext();
        var unchanged = await db.Placements.Include(p => p.Exemptions).SingleAsync(p => p.CandidateId == candidate.Id);
        Assert.Equal(PlacementStatus.Proposed, unchanged.Status);
        Assert.Equal(1, unchanged.Version);
        Assert.Null(unchanged.EmployeeRepStatement);
        Assert.Empty(unchanged.Exemptions);
        Assert.Equal(1, await db.Placements.CountAsync(p => p.WorkplaceId == Key(workplace.WorkplaceId) && p.Status == PlacementStatus.Proposed));
        Assert.False(await db.Outcomes.AnyAsync(o => o.PlacementId == Key(Id(ended))));
    }

    [Fact]
    public async Task Anonymous_requests_are_refused()
    {
        var anonymous = factory.Anonymous();

        var list = await anonymous.SendAsync("{ placements { totalCount } }");
        var exemptions = await anonymous.SendAsync("{ ruleExemptions { totalCount } }");
        var propose = await anonymous.MutateAsync("approvePlacement", new { id = Api.Infrastructure.GraphQL.GlobalId.Encode("Placement", Guid.NewGuid()), version = 1 });

        list.ShouldFailWith("UNAUTHENTICATED");
        exemptions.ShouldFailWith("UNAUTHENTICATED");
        propose.ShouldFailWith("UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_missing_placement_is_not_found()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var missing = Api.Infrastructure.GraphQL.GlobalId.Encode("Placement", Guid.NewGuid());

        var approve = await consultant.MutateAsync("approvePlacement", new { id = missing, version = 1 });
        var outcome = await consultant.MutateAsync("recordOutcome", new { placementId = missing, monthsAfterEnd = 0, endResult = "EDUCATION" }, OutcomeFields);
        var read = await consultant.QueryAsync("query($id: ID!) { placement(id: $id) { id } }", new { id = missing });

        Assert.Equal(["input.id"], approve.ShouldFailWith("NOT_FOUND").Fields);
        Assert.Equal(["input.placementId"], outcome.ShouldFailWith("NOT_FOUND").Fields);
        Assert.Null(read["placement"]);
    }
}
