using CrmAlliance.IntegrationTests.TestInfrastructure;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Placements;

public sealed class PlacementQueryTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string Search = "query($f: PlacementFilter) { placements(filter: $f, first: 100) { totalCount edges { node { id status offerKind } } } }";

    [Fact]
    public async Task Placements_are_found_by_status_kind_company_and_period()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 30, averageEmployees12Months: 25);
        var proposed = await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(30), Today.AddDays(50));
        var completed = await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(-100));
        var wageSubsidy = await consultant.MutateOkAsync("proposePlacement", new
        {
            candidateId = (await factory.CreateCandidateAsync()).GlobalId,
            companyId = workplace.CompanyId,
            workplaceId = workplace.WorkplaceId,
            offerKind = "WAGE_SUBSIDY",
            plannedStart = Today.AddDays(10).Iso(),
            plannedEnd = Today.AddDays(100).Iso(),
        });
        var company = workplace.CompanyId;

        var all = await consultant.QueryAsync(Search, new { f = new { companyId = company } });
        var open = await consultant.QueryAsync(Search, new { f = new { companyId = company, statuses = new[] { "PROPOSED", "APPROVED", "ACTIVE" } } });
        var subsidies = await consultant.QueryAsync(Search, new { f = new { companyId = company, offerKinds = new[] { "WAGE_SUBSIDY" } } });
        var past = await consultant.QueryAsync(Search, new { f = new { companyId = company, periodFrom = Today.AddDays(-120).Iso(), periodTo = Today.AddDays(-90).Iso() } });
        var badPeriod = await consultant.SendAsync(Search, new { f = new { periodFrom = Today.Iso(), periodTo = Today.AddDays(-1).Iso() } });
        const string Paged = "query($f: PlacementFilter, $after: String) { placements(filter: $f, first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }";
        var firstPage = (await consultant.QueryAsync(Paged, new { f = new { companyId = company } }))["placements"]!;
        var secondPage = (await consultant.QueryAsync(Paged, new { f = new { companyId = company }, after = firstPage["pageInfo"]!["endCursor"]!.GetValue<string>() }))["placements"]!;

        const string Sorted = "query($f: PlacementFilter, $s: PlacementSort, $d: Boolean) { placements(filter: $f, sort: $s, descending: $d) { edges { node { id } } } }";
        var byEarliestStart = await consultant.QueryAsync(Sorted, new { f = new { companyId = company }, s = "PLANNED_START", d = false });
        var byLatestEnd = await consultant.QueryAsync(Sorted, new { f = new { companyId = company }, s = "PLANNED_END", d = true });

        Assert.Equal([Id(proposed), Id(wageSubsidy), Id(completed)], Ids(all));
        Assert.Equal([Id(completed), Id(wageSubsidy), Id(proposed)], Ids(byEarliestStart));
        Assert.Equal([Id(wageSubsidy), Id(proposed), Id(completed)], Ids(byLatestEnd));
        Assert.Equal([Id(proposed), Id(wageSubsidy)], Ids(open));
        Assert.Equal([Id(wageSubsidy)], Ids(subsidies));
        Assert.Equal([Id(completed)], Ids(past));
        Assert.Equal(["filter.periodTo"], badPeriod.ShouldFailWith("VALIDATION").Fields);
        Assert.True(firstPage["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(secondPage["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(Id(completed), Assert.Single(secondPage["edges"]!.AsArray())!["node"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_company_lists_its_placements_by_status()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 30);
        var proposed = await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(30), Today.AddDays(50));
        var completed = await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(-10));

        var read = await consultant.QueryAsync(
            "query($id: ID!) { company(id: $id) { all: placements { id } done: placements(statuses: [COMPLETED]) { id status } } }",
            new { id = workplace.CompanyId });

        Assert.Equal([Id(proposed), Id(completed)], read["company"]!["all"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal([Id(completed)], read["company"]!["done"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_page_of_placements_with_their_company_workplace_outcomes_and_exemptions_costs_the_same_round_trips_whatever_its_size()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        for (var i = 0; i < 3; i++)
        {
            var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 30);
            var ended = await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(-5));
            await consultant.MutateOkAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = 0, endResult = "ORDINARY_JOB" }, OutcomeFields);
        }

        const string Page = "query($n: Int) { placements(first: $n, filter: { statuses: [COMPLETED] }) { edges { node { id company { name placements { id } } workplace { pNumber } outcomes { endResult } exemptions { rule } } } } }";
        var (forOne, _) = await factory.QueryCountingAsync(consultant, Page, new { n = 1 });
        var (forThree, _) = await factory.QueryCountingAsync(consultant, Page, new { n = 3 });

        Assert.Equal(forOne, forThree);
        Assert.True(forThree <= 8, $"{forThree} round trips");
    }

    [Fact]
    public async Task A_placement_is_found_again_by_its_global_ID()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 30);
        var proposed = await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(30), Today.AddDays(50));

        var read = await consultant.QueryAsync("query($id: ID!) { node(id: $id) { id ... on Placement { status } } }", new { id = Id(proposed) });

        Assert.Equal("PROPOSED", read["node"]!["status"]!.GetValue<string>());
    }

    private static List<string> Ids(System.Text.Json.Nodes.JsonNode data)
        => data["placements"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
}
