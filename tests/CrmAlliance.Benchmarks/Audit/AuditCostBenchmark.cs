extern alias api;
using System.Globalization;
using api::CrmAlliance.Api.Infrastructure.Data;
using api::CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Benchmarks.EndToEnd;
using CrmAlliance.Benchmarks.Lookups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.Audit;

/// <summary>
/// <c>--audit-cost</c>: the same closed-loop load twice, each on a fresh Api with the demo data, first with the audit
/// trail off (<c>Audit:Enabled=false</c>, a switch only this benchmark uses) and then on: 60 % reads of candidate data
/// (the candidate list and one candidate, each recording one audit entry when on) and company look-ups, 40 % audited
/// writes (logging a contact, adding a contact person). Goal (issue 14): reads and writes slow by at most 10 %.
/// </summary>
public static class AuditCostBenchmark
{
    public const string Switch = "--audit-cost";

    private const string CandidatesQuery = "query Candidates { candidates(first: 20) { items { id caseReference postcode } } }";
    private const string CandidateQuery = "query Candidate($id: ID!) { candidate(id: $id) { id caseReference targetGroup postcode } }";
    private const string CompanyQuery = "query Company($id: ID!) { company(id: $id) { id name cvr postcode } }";
    private const string LogContact = "mutation LogContact($input: LogContactInput!) { logContact(input: $input) { id } }";
    private const string SaveContactPerson = "mutation SaveContactPerson($input: SaveCompanyContactInput!) { saveCompanyContact(input: $input) { id } }";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var connections = int.Parse(Value("--connections") ?? "20", CultureInfo.InvariantCulture);
        var seconds = TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "20", CultureInfo.InvariantCulture));
        var warmUp = TimeSpan.FromSeconds(double.Parse(Value("--warm-up") ?? "3", CultureInfo.InvariantCulture));

        // Off, on, on, off (ABBA): the process's first run pays for JIT and warm caches, which would otherwise count
        // against whichever setting ran first. Each setting's figures are the mean of its two runs.
        var runs = new List<(bool Audit, LoadResult Result)>();
        foreach (var audit in new[] { false, true, true, false })
        {
            runs.Add((audit, await RunOnceAsync(audit, connections, warmUp, seconds)));
        }

        Console.WriteLine();
        Console.WriteLine($"{connections} clients, {warmUp.TotalSeconds:0} s warm-up, {seconds.TotalSeconds:0} s measured per run; runs in the order off, on, on, off.");
        Console.WriteLine("| run | audit | kind | req/s | p50 | p95 | p99 | errors |");
        Console.WriteLine("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (run, index) in runs.Select((r, i) => (r, i + 1)))
        {
            foreach (var f in run.Result.ByKind)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {index} | {(run.Audit ? "on" : "off")} | {f.Name}s | {BenchmarkApi.Format(f.PerSecond)} | {LatencyStats.Format(f.Latency.Percentile(0.5))} | {LatencyStats.Format(f.Latency.Percentile(0.95))} | {LatencyStats.Format(f.Latency.Percentile(0.99))} | {f.Errors} |"));
            }
        }

        foreach (var kind in new[] { "read", "write" })
        {
            double Mean(bool audit, Func<OperationFigures, double> figure) => runs.Where(r => r.Audit == audit).Average(r => figure(r.Result.ByKind.Single(f => f.Name == kind)));
            string Change(Func<OperationFigures, double> figure) => string.Create(CultureInfo.InvariantCulture, $"{Mean(true, figure) / Mean(false, figure) - 1:+0.0%;-0.0%}");
            Console.WriteLine($"{kind}s with the audit on (mean of two runs each): throughput {Change(f => f.PerSecond)}, p50 {Change(f => f.Latency.Percentile(0.5))}, p99 {Change(f => f.Latency.Percentile(0.99))}");
        }

        foreach (var run in runs)
        {
            Console.WriteLine(run.Result.Machine);
        }

        return runs.Sum(r => r.Result.All.Errors) == 0 ? 0 : 1;
    }

    private static async Task<LoadResult> RunOnceAsync(bool auditEnabled, int connections, TimeSpan warmUp, TimeSpan seconds)
    {
        Console.Error.WriteLine($"Starting the Api with Audit:Enabled={auditEnabled} …");
        await using var api = await BenchmarkApi.StartAsync(["--set", "Audit:Enabled=" + (auditEnabled ? "true" : "false")]);
        await using (var scope = api.Host.Services.CreateAsyncScope())
        {
            var ids = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Candidates.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            Candidates = [.. ids.Select(id => GlobalId.Encode("Candidate", id))];
        }

        using var client = api.CreateClient(connections);
        var companies = api.Companies.Select(id => GlobalId.Encode("Company", id)).ToArray();
        var post = HttpMethod.Post;
        string Company(Random r) => companies[r.Next(companies.Length)];
        Task<string?> Send(HttpClient c, string query, object? variables, CancellationToken ct) => BenchmarkApi.SendAsync(c, post, "/graphql", BenchmarkApi.GraphQLBody(query, variables), ct);
        var operations = new List<LoadOperation>
        {
            new("`candidates(first: 20)`", "read", 20, (c, _, ct) => Send(c, CandidatesQuery, null, ct)),
            new("`candidate(id)`", "read", 25, (c, r, ct) => Send(c, CandidateQuery, new { id = Candidates[r.Next(Candidates.Length)] }, ct)),
            new("`company(id)`", "read", 15, (c, r, ct) => Send(c, CompanyQuery, new { id = Company(r) }, ct)),
            new("`logContact`", "write", 30, (c, r, ct) => Send(c, LogContact, new { input = new { companyId = Company(r), occurredAt = DateTimeOffset.UtcNow.AddMinutes(-r.Next(600)), channel = "PHONE", summary = "Talte om praktikpladser (belastningstest)." } }, ct)),
            new("`saveCompanyContact`", "write", 10, (c, r, ct) => Send(c, SaveContactPerson, new { input = new { companyId = Company(r), name = $"Kontakt {r.Next(1_000_000)}", jobTitle = "HR", isEmployeeRepresentative = false } }, ct)),
        };
        var result = await LoadDriver.RunAsync(client, operations, connections, warmUp, seconds);
        if (result.FirstError is { } error)
        {
            Console.Error.WriteLine("First error: " + error.ReplaceLineEndings(" "));
        }

        return result;
    }

    private static string[] Candidates { get; set; } = [];
}
