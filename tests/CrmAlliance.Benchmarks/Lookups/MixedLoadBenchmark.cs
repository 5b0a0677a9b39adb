extern alias api;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using api::CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Benchmarks.EndToEnd;

namespace CrmAlliance.Benchmarks.Lookups;

/// <summary>
/// <c>--mixed-load</c>: 50 consultants' clients for 60 s on the demo data, 80 % reads (a company, the company list,
/// a company's contact persons and latest contacts, its contact log, the vacancies) and 20 % writes (logging a
/// contact, completing one's follow-up, adding a contact person), closed loop over keep-alive connections after a
/// warm-up. Goals (issue 13): no errors, reads p99 ≤ 100 ms, writes p99 ≤ 250 ms.
/// </summary>
public static class MixedLoadBenchmark
{
    public const string Switch = "--mixed-load";

    private const string CompanyQuery = "query Company($id: ID!) { company(id: $id) { id name cvr postcode membershipStatus } }";
    private const string CompaniesQuery = "query Companies { companies(first: 20) { items { id name cvr postcode } } }";
    private const string PeopleQuery = "query CompanyPeople($id: ID!) { company(id: $id) { name contacts { name jobTitle } latestContacts(first: 5) { occurredAt channel summary } } }";
    private const string ContactLogQuery = "query ContactLog($id: ID!) { contactLogs(companyId: $id, first: 10) { totalCount items { occurredAt channel summary followUpOn followUpDone } } }";
    private const string VacanciesQuery = "query Vacancies { vacancies(first: 20) { items { id occupationCode company { name } } } }";
    private const string LogContact = "mutation LogContact($input: LogContactInput!) { logContact(input: $input) { id followUpOn } }";
    private const string CompleteFollowUp = "mutation CompleteFollowUp($id: ID!) { completeFollowUp(id: $id) { id followUpDone } }";
    private const string SaveContactPerson = "mutation SaveContactPerson($input: SaveCompanyContactInput!) { saveCompanyContact(input: $input) { id } }";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var connections = int.Parse(Value("--connections") ?? "50", CultureInfo.InvariantCulture);
        var seconds = TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "60", CultureInfo.InvariantCulture));
        var warmUp = TimeSpan.FromSeconds(double.Parse(Value("--warm-up") ?? "5", CultureInfo.InvariantCulture));

        await using var api = await BenchmarkApi.StartAsync(args);
        using var client = api.CreateClient(connections);
        var companies = api.Companies.Select(id => GlobalId.Encode("Company", id)).ToArray();
        var openFollowUps = new ConcurrentQueue<string>();
        var post = HttpMethod.Post;
        string Company(Random random) => companies[random.Next(companies.Length)];
        Task<string?> Read(HttpClient c, string query, object? variables, CancellationToken ct) => BenchmarkApi.SendAsync(c, post, "/graphql", BenchmarkApi.GraphQLBody(query, variables), ct);

        async Task<string?> LogContactAsync(HttpClient c, Random r, CancellationToken ct)
        {
            var input = new
            {
                companyId = Company(r),
                occurredAt = DateTimeOffset.UtcNow.AddMinutes(-r.Next(600)),
                channel = "PHONE",
                summary = "Talte om praktikpladser til efteråret (belastningstest).",
                followUpOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)),
            };
            var (error, body) = await BenchmarkApi.SendForBodyAsync(c, post, "/graphql", BenchmarkApi.GraphQLBody(LogContact, new { input }), ct);
            if (error is null && JsonNode.Parse(body)?["data"]?["logContact"]?["id"]?.GetValue<string>() is { } id)
            {
                openFollowUps.Enqueue(id);
            }

            return error;
        }

        var operations = new List<LoadOperation>
        {
            new("`company(id)`", "read", 25, (c, r, ct) => Read(c, CompanyQuery, new { id = Company(r) }, ct)),
            new("`companies(first: 20)`", "read", 15, (c, _, ct) => Read(c, CompaniesQuery, null, ct)),
            new("a company's contact persons and latest contacts", "read", 15, (c, r, ct) => Read(c, PeopleQuery, new { id = Company(r) }, ct)),
            new("`contactLogs(companyId, first: 10)`", "read", 10, (c, r, ct) => Read(c, ContactLogQuery, new { id = Company(r) }, ct)),
            new("`vacancies(first: 20)` with their companies", "read", 15, (c, _, ct) => Read(c, VacanciesQuery, null, ct)),
            new("`logContact` (with a follow-up)", "write", 12, LogContactAsync),
            new("`completeFollowUp` of a logged contact", "write", 4, (c, r, ct) => openFollowUps.TryDequeue(out var id)
                ? BenchmarkApi.SendAsync(c, post, "/graphql", BenchmarkApi.GraphQLBody(CompleteFollowUp, new { id }), ct)
                : LogContactAsync(c, r, ct)),
            new("`saveCompanyContact` (a new contact person)", "write", 4, (c, r, ct) => BenchmarkApi.SendAsync(c, post, "/graphql",
                BenchmarkApi.GraphQLBody(SaveContactPerson, new { input = new { companyId = Company(r), name = $"Kontakt {r.Next(1_000_000)}", jobTitle = "HR", isEmployeeRepresentative = false } }), ct)),
        };

        Console.WriteLine($"{api.Companies.Count} demo companies; {connections} clients, {warmUp.TotalSeconds:0} s warm-up, {seconds.TotalSeconds:0} s measured; 80 % reads, 20 % writes.");
        var result = await LoadDriver.RunAsync(client, operations, connections, warmUp, seconds);
        Console.WriteLine();
        Console.WriteLine("| operation | share | req/s | p50 | p95 | p99 | max | errors |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        void Row(OperationFigures f, string name) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {(double)f.Requests / result.All.Requests:P0} | {BenchmarkApi.Format(f.PerSecond)} | {LatencyStats.Format(f.Latency.Percentile(0.5))} | {LatencyStats.Format(f.Latency.Percentile(0.95))} | {LatencyStats.Format(f.Latency.Percentile(0.99))} | {LatencyStats.Format(f.Latency.Max)} | {f.Errors} |"));
        foreach (var figures in result.ByKind)
        {
            Row(figures, $"**all {figures.Name}s**");
        }

        foreach (var figures in result.ByOperation)
        {
            Row(figures, figures.Name);
        }

        Console.WriteLine();
        Console.WriteLine(result.Machine);
        if (result.FirstError is { } error)
        {
            Console.WriteLine("First error: " + error.ReplaceLineEndings(" "));
        }

        return result.All.Errors == 0 ? 0 : 1;
    }
}
