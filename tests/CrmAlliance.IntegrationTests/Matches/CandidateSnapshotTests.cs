using System.Net;
using System.Net.Http.Json;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Matches;

/// <summary>The snapshot matching workers rebuild their index from: keyed, paged, pseudonymous, without the withdrawn.</summary>
public sealed class CandidateSnapshotTests : IClassFixture<CandidateSnapshotTests.Factory>
{
    public sealed class Factory : IDisposable
    {
        public const string Key = "snapshot-test-key";

        public CrmApiFactory Api { get; } = new(new Dictionary<string, string> { ["Matching:SnapshotKey"] = Key });

        public CrmApiFactory WithoutKey { get; } = new();

        public void Dispose()
        {
            Api.Dispose();
            WithoutKey.Dispose();
        }
    }

    private readonly Factory _factory;

    public CandidateSnapshotTests(Factory factory) => _factory = factory;

    [Fact]
    public async Task Pages_through_every_candidate_in_the_pool_with_what_matching_needs_and_no_case_reference()
    {
        var consultant = (await _factory.Api.CreateUserAsync("CONSULTANT")).Client;
        var registered = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            registered.Add(GlobalId.Parse((await consultant.RegisterCandidateAsync())["id"]!.GetValue<string>(), "Candidate", "id"));
        }

        var withdrawn = (await consultant.RegisterCandidateAsync())["id"]!.GetValue<string>();
        await consultant.QueryAsync("mutation($input: WithdrawCandidateInput!) { withdrawCandidate(input: $input) { id } }", new { input = new { id = withdrawn, version = 1, reason = "Fik selv job." } });

        var seen = new List<CandidateSnapshotPage>();
        string? after = null;
        do
        {
            var response = await GetAsync(_factory.Api, $"?limit=2{(after is null ? "" : "&after=" + after)}", Factory.Key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("caseReference", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            var page = (await response.Content.ReadFromJsonAsync<CandidateSnapshotPage>())!;
            Assert.True(page.Items.Count <= 2);
            seen.Add(page);
            after = page.Next?.ToString();
        }
        while (after is not null);

        var items = seen.SelectMany(p => p.Items).ToList();
        Assert.Equal(items.Count, items.Select(c => c.CandidateId).Distinct().Count());
        Assert.Superset(registered.ToHashSet(), items.Select(c => c.CandidateId).ToHashSet());
        Assert.DoesNotContain(items, c => c.CandidateId == GlobalId.Parse(withdrawn, "Candidate", "id"));
        var one = items.Single(c => c.CandidateId == registered[0]);
        Assert.Equal(("InsuredUnemployed", "Vocational", "9000"), (one.TargetGroup, one.EducationLevel, one.Postcode));
        Assert.Equal(["5120", "7233"], one.SoughtOccupations);
    }

    [Fact]
    public async Task Carries_the_days_a_placement_holds_a_candidate_as_the_overlap_rule_counts_them_and_drops_them_once_cancelled()
    {
        var consultant = (await _factory.Api.CreateUserAsync("CONSULTANT")).Client;
        var candidate = await _factory.Api.CreateCandidateAsync();
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var start = TestData.Today.AddDays(10);
        var approved = await consultant.ApprovedInternshipAsync(candidate, workplace, start);

        Assert.Equal([new BusyPeriod(start, start.AddDays(27))], (await RowAsync(candidate.Id)).BusyPeriods);

        await consultant.MutateOkAsync("cancelPlacement", new { id = PlacementDriver.Id(approved), version = PlacementDriver.Version(approved), reason = "Aflyst." });

        Assert.Empty((await RowAsync(candidate.Id)).BusyPeriods!);
    }

    /// <summary>The candidate's row of the snapshot, paging through it all.</summary>
    private async Task<CandidateProfile> RowAsync(Guid candidateId)
    {
        var rows = new List<CandidateProfile>();
        Guid? after = null;
        do
        {
            var response = await GetAsync(_factory.Api, $"?limit=1000{(after is null ? "" : "&after=" + after)}", Factory.Key);
            var page = (await response.Content.ReadFromJsonAsync<CandidateSnapshotPage>())!;
            rows.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        return Assert.Single(rows, c => c.CandidateId == candidateId);
    }

    [Fact]
    public async Task Answers_only_the_shared_key_and_not_at_all_when_none_is_configured()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(_factory.Api, "", "wrong-key")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(_factory.Api, "", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(_factory.WithoutKey, "", "anything")).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(CrmApiFactory api, string query, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/matching/candidate-snapshot" + query);
        if (key is not null)
        {
            request.Headers.Add(CandidateSnapshotProtocol.KeyHeader, key);
        }

        return await api.CreateClient().SendAsync(request);
    }
}
