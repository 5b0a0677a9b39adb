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

    private const string MinimalInFront = "company look-up, minimal API in front of the Api's middleware (`GET /benchmark/companies/{id}`)";
    private const string MinimalBehindPipeline = "company look-up, minimal API behind the Api's middleware (`GET /benchmark-behind/companies/{id}`)";
    private const string GraphQLLookup = "`company(id)` with 5 scalar fields";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var connections = int.Parse(Value("--connections") ?? "50", CultureInfo.InvariantCulture);
        var seconds = TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "15", CultureInfo.InvariantCulture));
        var warmUp = TimeSpan.FromSeconds(double.Parse(Value("--warm-up") ?? "5", CultureInfo.InvariantCulture));
        var only = Value("--only");
        var rounds = int.Parse(Value("--rounds") ?? "1", CultureInfo.InvariantCulture);

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
            new(MinimalInFront, "minimal", 1,
                (c, r, ct) => BenchmarkApi.SendAsync(c, get, ComparisonEndpoints.CompanyPath + api.Companies[r.Next(api.Companies.Count)], null, ct)),
            new(MinimalBehindPipeline, "minimal", 1,
                (c, r, ct) => BenchmarkApi.SendAsync(c, get, ComparisonEndpoints.CompanyBehindPipelinePath + api.Companies[r.Next(api.Companies.Count)], null, ct)),
            new(GraphQLLookup, "graphql", 1, (c, r, ct) => BenchmarkApi.SendAsync(c, post, "/graphql", companies[r.Next(companies.Length)], ct)),
            new("`companies(first: 20)` with 4 fields", "graphql", 1, (c, _, ct) => BenchmarkApi.SendAsync(c, post, "/graphql", page, ct)),
        };

        Console.WriteLine($"{api.Companies.Count} demo companies; {connections} connections, {warmUp.TotalSeconds:0} s warm-up, {seconds.TotalSeconds:0} s measured per request kind and round, {rounds} round(s).");
        Console.WriteLine();
        Console.WriteLine("| request | req/s | p50 | p95 | p99 | errors | process CPU (cores) | CPU µs / request | KB allocated / request |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var selected = scenarios.Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();

        // Every kind is warmed up before any is measured: the first measured kind was otherwise the one whose code the
        // JIT had tiered up least (the minimal look-up, measured alone first, cost twice its CPU per request).
        foreach (var scenario in selected)
        {
            await LoadDriver.WarmUpAsync(client, [scenario], connections, warmUp);
        }

        // Rounds: each kind measured once per round, in turn, so that a slow spell of this shared machine falls on
        // every kind alike; the ratio is given per round and as the median of the rounds.
        var perSecond = selected.ToDictionary(s => s.Name, _ => new List<double>());
        var failed = 0;
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var scenario in selected)
            {
                var result = await LoadDriver.RunAsync(client, [scenario], connections, round == 1 ? warmUp : TimeSpan.FromSeconds(1), seconds);
                var figures = result.All;
                perSecond[scenario.Name].Add(figures.PerSecond);
                failed += figures.Errors > 0 ? 1 : 0;
                var label = rounds == 1 ? scenario.Name : $"{scenario.Name}, round {round}";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {BenchmarkApi.Format(figures.PerSecond)} | {LatencyStats.Format(figures.Latency.Percentile(0.5))} | {LatencyStats.Format(figures.Latency.Percentile(0.95))} | {LatencyStats.Format(figures.Latency.Percentile(0.99))} | {figures.Errors} | {result.ProcessCores:0.00} | {result.ProcessCores * 1e6 / figures.PerSecond:0} | {result.AllocatedKilobytesPerRequest:0.0} |"));
                if (result.FirstError is { } error)
                {
                    Console.WriteLine($"|   first error: {error.ReplaceLineEndings(" ")} |");
                }

                Console.Error.WriteLine($"{label}: {result.Machine}");
            }
        }

        if (perSecond.TryGetValue(GraphQLLookup, out var graphQL))
        {
            foreach (var minimal in new[] { MinimalInFront, MinimalBehindPipeline }.Where(perSecond.ContainsKey))
            {
                var ratios = graphQL.Zip(perSecond[minimal], (g, m) => g / m).ToList();
                var sorted = ratios.Order().ToList();
                var median = (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
                Console.WriteLine();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"`company(id)` over GraphQL / {minimal} (requests per second): {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}; median {median:0.00}×"));
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
