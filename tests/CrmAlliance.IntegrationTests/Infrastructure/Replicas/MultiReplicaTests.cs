using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CrmAlliance.IntegrationTests.Infrastructure.Replicas;

/// <summary>
/// The scale-out the README describes, as processes: two Api replicas and two matching workers over one database and
/// RabbitMQ, under consultants' load through both replicas, with one replica and one worker killed mid-load and
/// started again. Nothing acknowledged may be lost, no event applied twice, the ratio rule must hold across replicas,
/// and sign-ins must be good on either replica. Prints the figures (throughput, matching lag, what the kills cost).
/// </summary>
[Collection(MultiReplicaCollection.Name)]
public sealed class MultiReplicaTests(ITestOutputHelper output)
{
    private const string SnapshotKey = "replica-test-snapshot-key";
    private const string ConsultantPassword = TestUsers.Password;
    private static readonly TimeSpan OneReplicaPhase = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan KilledFor = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TwoReplicaPhase = TimeSpan.FromSeconds(26);

    /// <summary>
    /// Outbox rows the killed replica had claimed wait for its claim to lapse (1 min by default): shortened here so the
    /// test waits seconds, not a minute; the figures show what it costs.
    /// </summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(10);

    /// <summary>Nine ordinary employees: the ratio rule leaves one internship or wage-subsidy place.</summary>
    private const int ContestedEmployees = 9;
    private const int ContestedPlaces = 1;

    private readonly List<HostProcess> _hosts = [];

    [RabbitMqFact]
    public async Task Two_Api_replicas_and_two_workers_lose_nothing_when_one_of_each_is_killed_under_load()
    {
        var whole = Stopwatch.StartNew();
        using var database = TestDatabase.PostgresWhereConfigured();
        var virtualHost = await RabbitMqBroker.CreateVirtualHostAsync();
        try
        {
            await RunAsync(database, virtualHost, whole);
        }
        catch (Exception ex)
        {
            var mentioned = System.Text.RegularExpressions.Regex.Matches(ex.Message, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Select(m => m.Value).Take(2).ToList();
            foreach (var host in _hosts)
            {
                output.WriteLine($"--- {host.Name} ---\n{Tail(host.Output, 60)}");
                foreach (var id in mentioned)
                {
                    output.WriteLine($"--- {host.Name} on {id} ---\n{string.Join('\n', host.Output.Split('\n').Where(l => l.Contains(id, StringComparison.Ordinal)))}");
                }
            }

            throw;
        }
        finally
        {
            foreach (var host in _hosts)
            {
                await host.DisposeAsync();
            }

            await RabbitMqBroker.DeleteVirtualHostAsync(virtualHost);
        }
    }

    private async Task RunAsync(TestDatabase database, string virtualHost, Stopwatch whole)
    {
        var bus = new Dictionary<string, string>
        {
            ["Bus__Transport"] = "RabbitMq",
            ["Bus__RabbitMq__Host"] = RabbitMqBroker.Host!,
            ["Bus__RabbitMq__VirtualHost"] = virtualHost,
        };
        var apiSettings = new Dictionary<string, string>(database.ProcessSettings.Concat(bus))
        {
            ["Matching__InProcess"] = "false",
            ["Matching__SnapshotKey"] = SnapshotKey,
            ["Outbox__ClaimLease"] = ClaimLease.ToString("c", CultureInfo.InvariantCulture),
            ["Bootstrap__AdminEmail"] = ApiProcess.AdminEmail,
            ["Bootstrap__AdminPassword"] = ApiProcess.AdminPassword,
        };
        var a = Host(HostProcess.Api("api-a", apiSettings));
        var b = Host(HostProcess.Api("api-b", apiSettings));

        // Both replicas start at once on the empty database, as a deployment starts them: one migrates it, one creates the
        // sign-in keys, and each must then accept what the other issues.
        var coldStarts = await Task.WhenAll(a.StartAsync(), b.StartAsync());

        // Each worker loads its index from the replica that is not killed, so its restart does not wait for the Api's.
        var w1 = Host(HostProcess.MatchingWorker("worker-1", Worker(bus, b, "w1")));
        var w2 = Host(HostProcess.MatchingWorker("worker-2", Worker(bus, a, "w2")));

        var (tokens, contested) = await ArrangeAsync(a, b, database);
        await Task.WhenAll(w1.StartAsync(), w2.StartAsync());
        output.WriteLine($"Two Api replicas and two workers ready after {whole.Elapsed.TotalSeconds:0.0} s.");

        var routeA = new ReplicaRoute("A", a.Address);
        var routeB = new ReplicaRoute("B", b.Address);
        using var driver = new ReplicaLoadDriver(tokens, contested);

        // Phase 1: one replica.
        var oneReplica = await MeasureAsync(driver, [routeA], OneReplicaPhase);

        // Phase 2: both replicas; replica A and worker 1 killed after BeforeKill and started again after KilledFor.
        using var stop = new CancellationTokenSource();
        var acknowledgedBefore = driver.Acknowledged;
        var phase = Stopwatch.StartNew();
        var load = driver.RunAsync([routeA, routeB], stop.Token);
        await Task.Delay(BeforeKill);
        var twoReplicas = (driver.Acknowledged - acknowledgedBefore) / phase.Elapsed.TotalSeconds;
        var failedBeforeKill = driver.FailedRequests;
        var killedAt = DateTime.UtcNow;
        await Task.WhenAll(a.KillAsync(), w1.KillAsync());
        await Task.Delay(KilledFor);
        var restartedAt = DateTime.UtcNow;
        var restarts = await Task.WhenAll(a.StartAsync(), w1.StartAsync());
        var apiReadyAfterKill = restartedAt - killedAt + restarts[0];
        var workerConsumes = await w1.WaitForOutputAsync("Matched vacancy", restartedAt, TimeSpan.FromSeconds(30)) - restartedAt;
        var rest = TwoReplicaPhase - phase.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        await stop.CancelAsync();
        await load.WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"Load done after {whole.Elapsed.TotalSeconds:0.0} s: {driver.Acknowledged} writes acknowledged, {driver.Refused} refused by rule or race, {driver.ContestRounds} contest rounds.");

        var settled = Stopwatch.StartNew();
        await ReplicaChecks.SettledAsync(database);
        output.WriteLine($"Settled {settled.Elapsed.TotalSeconds:0.0} s after the load.");

        Assert.True(driver.Unexpected.IsEmpty, $"{driver.Unexpected.Count} unexpected errors, e.g.:\n{string.Join('\n', driver.Unexpected.Take(5))}");
        Assert.True(driver.Vacancies.Count > 30, $"Only {driver.Vacancies.Count} vacancies acknowledged: no load.");
        await ReplicaChecks.AcknowledgedWritesArePresentAsync(database, driver);
        var (lags, matchingLags) = await ReplicaChecks.EveryEventAppliedOnceAsync(database, virtualHost);
        var (delayedRows, longestDelay) = await ReplicaChecks.OutboxDelaysAsync(database);
        await ReplicaChecks.RatioRuleHeldAsync(database, driver, contested, ContestedPlaces);
        await SignInsHoldOnEitherReplicaAsync(a, b, tokens);

        // Quiet database: the replicas and workers are stopped before the read model is rebuilt beside the kept one.
        foreach (var host in _hosts)
        {
            await host.KillAsync();
        }

        await ReplicaChecks.YieldReadModelEqualsRebuildAsync(database);

        var figures = new ReplicaFigures(
            database.Provider,
            Math.Round(oneReplica, 1),
            Math.Round(twoReplicas, 1),
            ReplicaFigures.Percentile(lags, 0.50),
            ReplicaFigures.Percentile(lags, 0.95),
            ReplicaFigures.Percentile(lags, 1.00),
            ReplicaFigures.Percentile(matchingLags, 0.50),
            ReplicaFigures.Percentile(matchingLags, 0.95),
            lags.Count,
            ReplicaFigures.Millis(coldStarts[0]),
            ReplicaFigures.Millis(restarts[0]),
            ReplicaFigures.Millis(apiReadyAfterKill),
            ReplicaFigures.Millis(restarts[1]),
            ReplicaFigures.Millis(workerConsumes),
            driver.FailedRequests - failedBeforeKill,
            driver.RetriedWrites,
            driver.RetriedAcknowledged,
            driver.Unanswered,
            delayedRows,
            ReplicaFigures.Millis(longestDelay),
            ReplicaFigures.Millis(ClaimLease),
            driver.Acknowledged,
            (int)whole.Elapsed.TotalSeconds);
        output.WriteLine(figures.Describe());
        output.WriteLine(figures.Line());
        // A guard against a wait that never ends, not a speed target (about 1 minute here; CI runs other test projects
        // beside it on the same two cores).
        Assert.True(whole.Elapsed < TimeSpan.FromMinutes(4), $"The test took {whole.Elapsed.TotalSeconds:0} s.");
    }

    private HostProcess Host(HostProcess host)
    {
        _hosts.Add(host);
        return host;
    }

    private static Dictionary<string, string> Worker(Dictionary<string, string> bus, HostProcess snapshotFrom, string instance)
        => new(bus)
        {
            ["Matching__SnapshotUrl"] = new Uri(snapshotFrom.Address, "/matching/candidate-snapshot").ToString(),
            ["Matching__SnapshotKey"] = SnapshotKey,
            ["Matching__InstanceName"] = instance,
        };

    /// <summary>
    /// Two consultants, each signed in on a different replica (the driver uses both tokens on both); candidates every
    /// vacancy of the load matches; and the contested workplace with its own candidates, who seek another occupation.
    /// </summary>
    private static async Task<(IReadOnlyList<string> Tokens, ContestedWorkplace Contested)> ArrangeAsync(HostProcess a, HostProcess b, TestDatabase database)
    {
        var admin = await SignInAsync(a, ApiProcess.AdminEmail, ApiProcess.AdminPassword);
        var emails = new[] { "consultant-a@replicas.local", "consultant-b@replicas.local" };
        foreach (var email in emails)
        {
            await admin.QueryAsync(
                "mutation($input: CreateUserInput!) { createUser(input: $input) { id } }",
                new { input = new { email, displayName = "Konsulent", role = "CONSULTANT", password = ConsultantPassword } });
        }

        var tokens = new[] { await TokenAsync(a, emails[0]), await TokenAsync(b, emails[1]) };
        var consultant = Client(b, tokens[0]);
        for (var i = 0; i < 5; i++)
        {
            var candidate = CandidateScenario.NewCandidate();
            candidate["soughtOccupations"] = new[] { ReplicaLoadDriver.Occupation };
            candidate["skills"] = new[] { "Svejsning", "Hydraulik" };
            candidate["availableFrom"] = TestData.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await consultant.RegisterCandidateAsync(candidate);
        }

        var competing = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var candidate = CandidateScenario.NewCandidate();
            candidate["soughtOccupations"] = new[] { "2512" };
            candidate["skills"] = new[] { "C#" };
            competing.Add((await consultant.RegisterCandidateAsync(candidate))["id"]!.GetValue<string>());
        }

        var cvr = TestData.NewCvr();
        var companyId = await consultant.RegisterCompanyAsync($"Praktik {cvr} ApS", cvr, membershipStatus: "ACTIVE", joinedOn: "2024-01-01");
        var workplace = await consultant.QueryAsync(
            "mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }",
            new { input = new { companyId, pNumber = TestData.NewPNumber(), name = "Hovedkontor", address = "Boulevarden 1", postcode = "9000", ordinaryEmployees = ContestedEmployees, employeesReportedFor = TestData.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), averageEmployees12Months = 0 } });

        // The workers load the candidates from the snapshot; nothing may still be on its way when they start.
        await Polling.WaitForAsync(async () => await UnsentAsync(database) == 0, "the arranged events to be published", TimeSpan.FromSeconds(30));
        return (tokens, new ContestedWorkplace(companyId, workplace.Id("saveWorkplace"), competing));
    }

    private static async Task<double> MeasureAsync(ReplicaLoadDriver driver, IReadOnlyList<ReplicaRoute> routes, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var before = driver.Acknowledged;
        var clock = Stopwatch.StartNew();
        await driver.RunAsync(routes, stop.Token).WaitAsync(duration + TimeSpan.FromSeconds(60));
        return (driver.Acknowledged - before) / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A bearer token and a cookie issued by one replica are accepted by the other (and a forged token by neither).</summary>
    private static async Task SignInsHoldOnEitherReplicaAsync(HostProcess a, HostProcess b, IReadOnlyList<string> tokens)
    {
        foreach (var (replica, token) in new[] { (b, tokens[0]), (a, tokens[1]) })
        {
            var answer = await Client(replica, token).SendAsync("{ __typename }");
            Assert.True(answer.Errors.Count == 0, $"A token issued by the other replica was refused by {replica.Name}: {answer.Body}");
        }

        var forged = await Client(a, tokens[0][..^4] + "AAAA").SendAsync("{ __typename }");
        Assert.Equal(["UNAUTHENTICATED"], forged.Codes);

        using var cookies = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(cookies) { Timeout = TimeSpan.FromSeconds(30) };
        using (var signIn = await http.PostAsJsonAsync(new Uri(a.Address, "/auth/login?useCookies=true"), new { email = "consultant-a@replicas.local", password = ConsultantPassword }))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        // The cookie belongs to 127.0.0.1 whatever the port, as it would to one site name behind a load balancer.
        using var onB = await http.PostAsJsonAsync(new Uri(b.Address, "/graphql"), new { query = "{ __typename }" });
        var body = await onB.Content.ReadAsStringAsync();
        Assert.True(onB.StatusCode == HttpStatusCode.OK && !body.Contains("\"errors\"", StringComparison.Ordinal), $"A cookie issued by replica A was refused by replica B: {body}");
    }

    private static async Task<int> UnsentAsync(TestDatabase database)
    {
        await using var db = database.NewDbContext();
        return await db.OutboxMessages.CountAsync(m => m.SentAt == null);
    }

    private static async Task<GraphQLClient> SignInAsync(HostProcess replica, string email, string password)
        => Client(replica, await TokenAsync(replica, email, password));

    private static async Task<string> TokenAsync(HostProcess replica, string email, string password = ConsultantPassword)
    {
        using var http = new HttpClient { BaseAddress = replica.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync("/auth/login", new { email, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Sign-in of {email} on {replica.Name} failed: {response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static GraphQLClient Client(HostProcess replica, string token)
    {
        var http = new HttpClient { BaseAddress = replica.Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new GraphQLClient(http);
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));
}

/// <summary>
/// Runs alone, after the parallel tests: its figures measure the replicas, not other tests, and no broker test stops
/// RabbitMQ under it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiReplicaCollection
{
    public const string Name = "Multi-replica";
}
