extern alias api;
using System.Globalization;
using api::CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Benchmarks.EndToEnd;

namespace CrmAlliance.Benchmarks.Lookups;

/// <summary>
/// <c>--lookups</c>: issue 13's GraphQL look-ups under load, each alone at N connections for a fixed time after a
/// warm-up, in one run beside their floors (<c>/health/live</c>, <c>{ __typename }</c>, the signed-in actor alone)
/// and the same company look-up as a plain minimal-API endpoint. Goals: <c>company(id)</c> ≥ 4,000 req/s with p99
/// ≤ 40 ms and ≥ 0.6× the minimal endpoint; <c>companies(first: 20)</c> ≥ 3,000 req/s.
/// </summary>
public static class LookupBenchmark
{
    public const string Switch = "--lookups";

    public const string CompanyQuery = "query Company($id: ID!) { company(id: $id) { id name cvr postcode membershipStatus } }";
    public const string CompaniesQuery = "query Companies { companies(first: 20) { items { id name cvr postcode } } }";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var connections = int.Parse(Value("--connections") ?? "50", CultureInfo.InvariantCulture);
        var seconds = TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "15", CultureInfo.InvariantCulture));
        var warmUp = TimeSpan.FromSeconds(double.Parse(Value("--warm-up") ?? "5", CultureInfo.InvariantCulture));
        var only = Value("--only");

        await using var api = await BenchmarkApi.StartAsync(args);
        using var client = api.CreateClient(connections);
        var companies = api.Companies.Select(id => BenchmarkApi.GraphQLBody(CompanyQuery, new { id = GlobalId.Encode("Company", id) })).ToArray();
        var typename = BenchmarkApi.GraphQLBody("{ __typename }");
        var page = BenchmarkApi.GraphQLBody(CompaniesQuery);
        var post = HttpMethod.Post;
        var get = HttpMethod.Get;
        var scenarios = new List<LoadOperation>
        {
            new("`GET /health/live` (HTTP floor)", "floor", 1, (c, _, ct) => BenchmarkApi.SendAsync(c, get, "/health/live", null, ct)),
            new("signed-in actor alone (minimal API, bearer token)", "floor", 1, (c, _, ct) => BenchmarkApi.SendAsync(c, get, ComparisonEndpoints.SignedInPath, null, ct)),
            new("`{ __typename }` over GraphQL", "floor", 1, (c, _, ct) => BenchmarkApi.SendAsync(c, post, "/graphql", typename, ct)),
            new("company look-up, minimal API (`GET /benchmark/companies/{id}`)", "minimal", 1,
                (c, r, ct) => BenchmarkApi.SendAsync(c, get, ComparisonEndpoints.CompanyPath + api.Companies[r.Next(api.Companies.Count)], null, ct)),
            new("`company(id)` with 5 scalar fields", "graphql", 1, (c, r, ct) => BenchmarkApi.SendAsync(c, post, "/graphql", companies[r.Next(companies.Length)], ct)),
            new("`companies(first: 20)` with 4 fields", "graphql", 1, (c, _, ct) => BenchmarkApi.SendAsync(c, post, "/graphql", page, ct)),
        };

        Console.WriteLine($"{api.Companies.Count} demo companies; {connections} connections, {warmUp.TotalSeconds:0} s warm-up, {seconds.TotalSeconds:0} s measured per request kind.");
        Console.WriteLine();
        Console.WriteLine("| request | req/s | p50 | p95 | p99 | errors | process CPU (cores) | CPU µs / request | KB allocated / request |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var perSecond = new Dictionary<string, double>();
        var failed = 0;
        foreach (var scenario in scenarios.Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            var result = await LoadDriver.RunAsync(client, [scenario], connections, warmUp, seconds);
            var figures = result.All;
            perSecond[scenario.Name] = figures.PerSecond;
            failed += figures.Errors > 0 ? 1 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {BenchmarkApi.Format(figures.PerSecond)} | {LatencyStats.Format(figures.Latency.Percentile(0.5))} | {LatencyStats.Format(figures.Latency.Percentile(0.95))} | {LatencyStats.Format(figures.Latency.Percentile(0.99))} | {figures.Errors} | {result.ProcessCores:0.00} | {result.ProcessCores * 1e6 / figures.PerSecond:0} | {result.AllocatedKilobytesPerRequest:0.0} |"));
            if (result.FirstError is { } error)
            {
                Console.WriteLine($"|   first error: {error.ReplaceLineEndings(" ")} |");
            }

            Console.Error.WriteLine($"{scenario.Name}: {result.Machine}");
        }

        if (perSecond.TryGetValue(scenarios[4].Name, out var graphQL) && perSecond.TryGetValue(scenarios[3].Name, out var minimal))
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"`company(id)` over GraphQL / the minimal-API look-up: {graphQL / minimal:0.00}×"));
        }

        return failed == 0 ? 0 : 1;
    }
}
