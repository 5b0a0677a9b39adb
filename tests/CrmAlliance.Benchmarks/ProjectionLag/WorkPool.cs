extern alias api;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using api::CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.Benchmarks.ProjectionLag;

/// <summary>
/// The rows the driver works on, read through GraphQL before the run: the active companies with their workplaces
/// and pledges, and fresh candidates registered for the placements. A row being changed is taken out of its queue
/// and put back with its new version when the change is acknowledged, so no two changes race on one row; a
/// placement moves from queue to queue as it is proposed, approved, started and ended.
/// </summary>
public sealed class WorkPool
{
    private const string CompaniesQuery = """
        query($after: String) {
          companies(first: 25, after: $after, filter: { membershipStatus: ACTIVE }) {
            pageInfo { hasNextPage endCursor }
            edges { node {
              id version name industryCode address postcode sector membershipStatus joinedOn responsibleConsultantId
              workplaces { id }
              pledges { id version periodStart periodEnd ordinaryJobs internships wageSubsidyJobs adultApprenticeships flexJobs mentors targetGroups note }
            } }
          }
        }
        """;

    private const string RegisterCandidate = """
        mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id } }
        """;

    public List<CompanyRecord> Companies { get; } = [];

    public ConcurrentQueue<CompanyRecord> CompaniesToEdit { get; } = new();

    public ConcurrentQueue<CompanyRecord> CompaniesWithoutFuturePledge { get; } = new();

    public ConcurrentQueue<JsonObject> Pledges { get; } = new();

    public ConcurrentQueue<Guid> Candidates { get; } = new();

    public ConcurrentQueue<PlacementRecord> Proposed { get; } = new();

    public ConcurrentQueue<PlacementRecord> Approved { get; } = new();

    public ConcurrentQueue<PlacementRecord> Started { get; } = new();

    public ConcurrentQueue<PlacementRecord> Ended { get; } = new();

    private int next;

    /// <summary>Round robin over the companies, for changes that need no version (contacts, vacancies, proposals).</summary>
    public CompanyRecord AnyCompany() => Companies[(int)((uint)Interlocked.Increment(ref next) % Companies.Count)];

    public static async Task<WorkPool> LoadAsync(GraphQLSession consultant, int candidates, CancellationToken cancellationToken)
    {
        var pool = new WorkPool();
        string? after = null;
        do
        {
            var page = (await consultant.SendAsync(CompaniesQuery, new { after }, cancellationToken))["companies"]!;
            foreach (var node in page["edges"]!.AsArray().Select(e => e!["node"]!.AsObject()))
            {
                var workplaces = node["workplaces"]!.AsArray().Select(w => w!["id"]!.GetValue<string>()).ToList();
                if (workplaces.Count == 0)
                {
                    continue;
                }

                var company = new CompanyRecord(node, workplaces[0]);
                pool.Companies.Add(company);
                pool.CompaniesToEdit.Enqueue(company);
                pool.CompaniesWithoutFuturePledge.Enqueue(company);
                foreach (var pledge in node["pledges"]!.AsArray())
                {
                    pool.Pledges.Enqueue(pledge!.AsObject());
                }
            }

            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var run = Guid.NewGuid().ToString("N")[..8];
        await Parallel.ForAsync(0, candidates, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var input = new
            {
                caseReference = $"LAG-{run}-{i:D5}",
                targetGroup = "INSURED_UNEMPLOYED",
                soughtOccupations = new[] { "5223" },
                educationLevel = "VOCATIONAL",
                hasWorkExperience = true,
                postcode = "9000",
                availableFrom = today,
            };
            var id = (await consultant.SendAsync(RegisterCandidate, new { input }, ct))["registerCandidate"]!["id"]!.GetValue<string>();
            pool.Candidates.Enqueue(Ids.Of(id));
        });
        return pool;
    }
}

/// <summary>A company as read, with the version its next edit must send.</summary>
public sealed class CompanyRecord(JsonObject node, string workplaceId)
{
    public JsonObject Node { get; } = node;

    public string Id { get; } = node["id"]!.GetValue<string>();

    public Guid Key { get; } = Ids.Of(node["id"]!.GetValue<string>());

    public string WorkplaceId { get; } = workplaceId;

    public int Version { get; set; } = node["version"]!.GetValue<int>();

    public int Edits { get; set; }
}

/// <summary>A placement the driver made, with the version its next step must send.</summary>
public sealed record PlacementRecord(string Id, int Version)
{
    public Guid Key => Ids.Of(Id);
}

public static class Ids
{
    /// <summary>The row's key inside a global ID.</summary>
    public static Guid Of(string globalId)
        => GlobalId.TryDecode(globalId, out _, out var key) ? Guid.Parse(key) : throw new FormatException($"Not a global ID: {globalId}");

    public static string Candidate(Guid id) => GlobalId.Encode("Candidate", id);
}
