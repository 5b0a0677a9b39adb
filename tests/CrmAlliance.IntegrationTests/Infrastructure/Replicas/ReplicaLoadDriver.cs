using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.Replicas;

/// <summary>A workplace whose ratio rule leaves one place, and the candidates competing for it.</summary>
public sealed record ContestedWorkplace(string CompanyId, string WorkplaceId, IReadOnlyList<string> CandidateIds);

/// <summary>
/// Consultants' work sent through the replicas in rotation, as behind a load balancer: writers register companies and
/// workplaces, post vacancies and log contacts; one more task contests the ratio rule at one workplace, proposing and
/// approving internships for the same period through different replicas at once. A write whose request fails in flight
/// (the replica was killed) is sent again to the next replica in rotation. Only a write answered with data and no error
/// counts as acknowledged; CONFLICT and RULE_VIOLATION are expected refusals, any other error is unexpected.
/// </summary>
public sealed class ReplicaLoadDriver(IReadOnlyList<string> tokens, ContestedWorkplace contested) : IDisposable
{
    public const string Occupation = "7233";
    private const int Writers = 6;
    private const int SendAttempts = 3;

    private readonly ConcurrentDictionary<(Uri, int), GraphQLClient> _clients = new();
    private IReadOnlyList<ReplicaRoute> _routes = [];
    private int _next;
    private int _round;
    private long _acknowledged;
    private int _refused;
    private int _failedRequests;
    private int _retriedWrites;
    private int _retriedAcknowledged;
    private int _unanswered;

    public ConcurrentBag<Guid> Companies { get; } = [];

    public ConcurrentBag<Guid> Workplaces { get; } = [];

    public ConcurrentBag<Guid> Vacancies { get; } = [];

    public ConcurrentBag<Guid> Contacts { get; } = [];

    public ConcurrentBag<Guid> Proposals { get; } = [];

    /// <summary>Acknowledged approvals at the contested workplace, by round (each round has a period of its own).</summary>
    public ConcurrentBag<(int Round, Guid Placement)> Approvals { get; } = [];

    /// <summary>Answers with an error other than CONFLICT or RULE_VIOLATION.</summary>
    public ConcurrentBag<string> Unexpected { get; } = [];

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Requests that got no answer (connection refused or broken, time-out).</summary>
    public int FailedRequests => Volatile.Read(ref _failedRequests);

    /// <summary>Writes sent again after their first request failed; of those, the ones a replica then acknowledged.</summary>
    public int RetriedWrites => Volatile.Read(ref _retriedWrites);

    public int RetriedAcknowledged => Volatile.Read(ref _retriedAcknowledged);

    /// <summary>Writes that got no answer in <see cref="SendAttempts"/> attempts.</summary>
    public int Unanswered => Volatile.Read(ref _unanswered);

    public int ContestRounds => Volatile.Read(ref _round);

    public static DateOnly RoundStart(int round) => TestData.Today.AddDays(10 + (21 * round));

    /// <summary>Runs the load through <paramref name="routes"/> until <paramref name="stop"/>; writes under way are answered first.</summary>
    public async Task RunAsync(IReadOnlyList<ReplicaRoute> routes, CancellationToken stop)
    {
        _routes = routes;
        var work = Enumerable.Range(0, Writers).Select(w => WriteAsync(w % tokens.Count, stop)).Append(ContestAsync(stop));
        await Task.WhenAll(work);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Http.Dispose();
        }
    }

    private async Task WriteAsync(int consultant, CancellationToken stop)
    {
        await Task.Yield();
        (string CompanyId, string WorkplaceId)? company = null;
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            if (company is null || i % 5 == 0)
            {
                company = await RegisterCompanyAsync(consultant) ?? company;
                continue;
            }

            var (companyId, workplaceId) = company.Value;
            var vacancy = await SendAsync(consultant, "postVacancy", "mutation($input: PostVacancyInput!) { postVacancy(input: $input) { id } }", new
            {
                input = new
                {
                    companyId,
                    workplaceId,
                    offerKind = "ORDINARY_JOB",
                    occupationCode = Occupation,
                    title = "Industrimekaniker",
                    description = "Vedligehold af maskiner på værftet.",
                    positions = 2,
                    hoursPerWeek = 37,
                    startDate = TestData.Today.AddDays(60).ToString("yyyy-MM-dd"),
                    applicationDeadline = TestData.Today.AddDays(30).ToString("yyyy-MM-dd"),
                    requiredSkills = new[] { "Svejsning", "Hydraulik" },
                    publish = true,
                },
            });
            Keep(vacancy, "Vacancy", Vacancies);
            var contact = await SendAsync(consultant, "logContact", "mutation($input: LogContactInput!) { logContact(input: $input) { id } }", new
            {
                input = new { companyId, occurredAt = DateTimeOffset.UtcNow.AddHours(-1), channel = "PHONE", summary = "Opfølgning på opslag" },
            });
            Keep(contact, "ContactLog", Contacts);
        }
    }

    private async Task<(string, string)?> RegisterCompanyAsync(int consultant)
    {
        var cvr = TestData.NewCvr();
        var company = await SendAsync(consultant, "registerCompany", "mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { id } }", new
        {
            input = new { cvr, name = $"Replika {cvr} ApS", industryCode = "301100", address = "Havnegade 1", postcode = "9000", sector = "PRIVATE", membershipStatus = "ACTIVE", joinedOn = "2024-01-01" },
        });
        if (Keep(company, "Company", Companies) is not { } companyId)
        {
            return null;
        }

        var workplace = await SendAsync(consultant, "saveWorkplace", "mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }", new
        {
            input = new { companyId, pNumber = TestData.NewPNumber(), name = "Værftet", address = "Havnegade 1", postcode = "9000", ordinaryEmployees = 40, employeesReportedFor = "2026-01-01", averageEmployees12Months = 38.5 },
        });
        return Keep(workplace, "Workplace", Workplaces) is { } workplaceId ? (companyId, workplaceId) : null;
    }

    /// <summary>Rounds of: every candidate proposed for the same period, statements recorded, all approvals sent at once.</summary>
    private async Task ContestAsync(CancellationToken stop)
    {
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            var round = Interlocked.Increment(ref _round);
            var start = RoundStart(round);
            var proposed = await Task.WhenAll(contested.CandidateIds.Select((candidateId, k) => SendAsync(k % tokens.Count, "proposePlacement", Placement("proposePlacement", "ProposePlacementInput"), new
            {
                input = new { candidateId, companyId = contested.CompanyId, workplaceId = contested.WorkplaceId, offerKind = "INTERNSHIP", purpose = "HIRING", plannedStart = Iso(start), plannedEnd = Iso(start.AddDays(13)) },
            })));
            foreach (var placement in proposed)
            {
                Keep(placement, "Placement", Proposals);
            }

            var stated = await Task.WhenAll(proposed.OfType<JsonNode>().Select((p, k) => SendAsync(k % tokens.Count, "recordEmployeeRepStatement", Placement("recordEmployeeRepStatement", "RecordEmployeeRepStatementInput"), new
            {
                input = new { placementId = Id(p), version = Version(p), representativeName = "Hanne Nielsen, tillidsrepræsentant", givenOn = Iso(TestData.Today), isPositive = true, comment = "Ingen fortrængning." },
            })));
            var approved = await Task.WhenAll(stated.OfType<JsonNode>().Select((p, k) => SendAsync(k % tokens.Count, "approvePlacement", Placement("approvePlacement", "ApprovePlacementInput"), new
            {
                input = new { id = Id(p), version = Version(p) },
            })));
            foreach (var placement in approved.OfType<JsonNode>())
            {
                Approvals.Add((round, GlobalId.Parse(Id(placement), "Placement", "id")));
            }
        }
    }

    private static string Placement(string mutation, string inputType) => $"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ id version }} }}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Id(JsonNode placement) => placement["id"]!.GetValue<string>();

    private static int Version(JsonNode placement) => placement["version"]!.GetValue<int>();

    private static string? Keep(JsonNode? written, string type, ConcurrentBag<Guid> into)
    {
        if (written?["id"]?.GetValue<string>() is not { } id)
        {
            return null;
        }

        into.Add(GlobalId.Parse(id, type, "id"));
        return id;
    }

    /// <summary>One write through the next replica in rotation; sent again to the next one when the request fails in flight.</summary>
    private async Task<JsonNode?> SendAsync(int consultant, string field, string query, object variables)
    {
        for (var attempt = 1; attempt <= SendAttempts; attempt++)
        {
            var route = await NextRouteAsync();
            GraphQLResponse response;
            try
            {
                response = await Client(route, consultant).SendAsync(query, variables);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                Interlocked.Increment(ref _failedRequests);
                if (attempt == 1)
                {
                    Interlocked.Increment(ref _retriedWrites);
                }

                route.MarkDown();
                continue;
            }

            if (response.Errors.Count == 0 && response.Data?[field] is { } data)
            {
                Interlocked.Increment(ref _acknowledged);
                if (attempt > 1)
                {
                    Interlocked.Increment(ref _retriedAcknowledged);
                }

                return data;
            }

            if (response.Errors.Count > 0 && response.Codes.All(c => c is "CONFLICT" or "RULE_VIOLATION"))
            {
                Interlocked.Increment(ref _refused);
            }
            else
            {
                Unexpected.Add($"{route.Name} {field}: {response.Body}");
            }

            return null;
        }

        Interlocked.Increment(ref _unanswered);
        return null;
    }

    private async Task<ReplicaRoute> NextRouteAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var routes = _routes;
            for (var i = 0; i < routes.Count; i++)
            {
                var route = routes[(int)((uint)Interlocked.Increment(ref _next) % (uint)routes.Count)];
                if (route.IsUp)
                {
                    return route;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No Api replica has been up for 60 s.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The consultant's bearer token on any replica: a token one replica issued must be good on every other.</summary>
    private GraphQLClient Client(ReplicaRoute route, int consultant)
        => _clients.GetOrAdd((route.Address, consultant), _ =>
        {
            var http = new HttpClient { BaseAddress = route.Address, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[consultant]);
            return new GraphQLClient(http);
        });
}
