extern alias api;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using api::CrmAlliance.Api.Features.Yield;
using api::CrmAlliance.Api.Infrastructure.Data;
using api::CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Benchmarks.EndToEnd;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>
/// The yield benchmark: generate 5,000 companies and 1,000,000 placements (the data generator), rebuild the
/// read model (time and peak memory, in a child process of its own), then through GraphQL over HTTP (Kestrel, loopback) time
/// yieldRanking (a year, first 50) and allianceSummary (a year), and in the same run the same ranking computed
/// straight from the raw tables, checking both rank the same scores.
/// </summary>
public static class YieldBenchmark
{
    public const string RankingQuery = """
        query($period: String!) {
          yieldRanking(period: $period, first: 50) {
            totalCount definitionVersion pageInfo { hasNextPage endCursor }
            edges { node {
              company { id name } industrySection sizeBand employees score rank
              inIndustrySection { rank of } inSizeBand { rank of } freeLabourRisk
              measures { vacanciesPosted placementsStarted placementWeeks reach { rate } workOrEducation { rate } conversion { rate } contacts pledgeFulfilment }
            } }
          }
        }
        """;

    public const string SummaryQuery = """
        query($period: String!) {
          allianceSummary(period: $period) {
            definitionVersion members activeMembers dormantMembers activeShare cooperationShare
            totals { vacanciesPosted positionsOffered placementsStarted placementWeeks reach { rate } workOrEducation { rate } conversion { rate } contacts pledged pledgeFulfilment }
            byOfferKind { offerKind vacanciesPosted positionsOffered placementsStarted placementWeeks pledged fulfilment }
            quarters { period measures { placementsStarted placementWeeks } }
            effectTargets { targetYear results { target { measure targetPercent } actualPercent status } }
          }
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = YieldBenchmarkOptions.Parse(args);
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Partner-yield benchmark: year {options.Year}, database {options.Database}");
        if (options.Reseed || !File.Exists(options.Database))
        {
            Console.WriteLine($"Seeding {options.Companies:N0} companies and {options.Placements:N0} placements (seed {options.Seed}) …");
            Delete(options.Database);
            var seed = await ApiCommand.GenerateAsync(options.Database, "--companies", Str(options.Companies), "--placements", Str(options.Placements), "--seed", Str(options.Seed), "--until", options.Until);
            Console.WriteLine($"Seeded, with the after-seed rebuild, in {seed.Elapsed.TotalSeconds:0} s (exit {seed.ExitCode}).");
            if (seed.ExitCode != 0)
            {
                return seed.ExitCode;
            }
        }

        if (options.Rebuild)
        {
            var rebuild = await ApiCommand.RunAsync(options.Database, "rebuild-yield");
            if (rebuild.ExitCode != 0)
            {
                return rebuild.ExitCode;
            }
        }

        await using var host = new YieldApiHost(options.Database);
        using var client = host.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(client));
        var period = options.Year.ToString(CultureInfo.InvariantCulture);

        // Warm: the read model unchanged between requests, so the reports come from YieldReportCache.
        // Cold: a change to the read model (as any event or the day clock makes) before every request.
        var ranking = await TimeAsync(options.Iterations, () => GraphQLAsync(client, RankingQuery, period));
        var summary = await TimeAsync(options.Iterations, () => GraphQLAsync(client, SummaryQuery, period));
        var bump = ReadModelChange(host);
        var rankingCold = await TimeAsync(options.ColdIterations, () => GraphQLAsync(client, RankingQuery, period), bump);
        var summaryCold = await TimeAsync(options.ColdIterations, () => GraphQLAsync(client, SummaryQuery, period), bump);
        var top = (await GraphQLAsync(client, RankingQuery, period))["yieldRanking"]!["edges"]!.AsArray()
            .Select(e => (
                Id: GlobalId.Parse(e!["node"]!["company"]!["id"]!.GetValue<string>(), "Company", "id"),
                Name: e["node"]!["company"]!["name"]!.GetValue<string>(),
                Score: e["node"]!["score"]!.GetValue<double>()))
            .ToList();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var yieldOptions = scope.ServiceProvider.GetRequiredService<YieldOptions>();
        var bookedThrough = (await db.YieldState.AsNoTracking().SingleAsync()).DaysBookedThrough;
        List<(Guid CompanyId, double Score)> raw = [];
        var rawTimes = await TimeAsync(options.RawIterations, async () => raw = await RawTableRanking.TopAsync(db, yieldOptions, options.Year, bookedThrough, 50));
        var sameScores = raw.SequenceEqual(top.Select(t => (t.Id, t.Score)));
        var (companies, placements) = (await db.Companies.CountAsync(), await db.Placements.CountAsync());

        Console.WriteLine();
        Console.WriteLine($"| measurement ({companies:N0} companies, {placements:N0} placements, SQLite) | p50 | p95 | p99 | n |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        Row($"yieldRanking, year {period}, first 50, GraphQL over HTTP (Kestrel, loopback) (read model unchanged)", ranking);
        Row($"allianceSummary, year {period}, GraphQL over HTTP (Kestrel, loopback) (read model unchanged)", summary);
        Row($"yieldRanking, year {period}, first 50, right after a change to the read model", rankingCold);
        Row($"allianceSummary, year {period}, right after a change to the read model", summaryCold);
        Row("the same ranking from the raw tables (EF, in process)", rawTimes);
        Console.WriteLine($"raw tables / read model (p50): {rawTimes.Percentile(0.5) / ranking.Percentile(0.5):N0}× unchanged, {rawTimes.Percentile(0.5) / rankingCold.Percentile(0.5):N0}× right after a change; same 50 companies and scores: {(sameScores ? "yes" : "NO")}");
        foreach (var (rank, readModel, rawRow) in top.Zip(raw).Select((pair, i) => (i + 1, pair.First, pair.Second)).Where(x => x.First.Id != x.Second.CompanyId || x.First.Score != x.Second.Score).Take(5))
        {
            Console.WriteLine($"  rank {rank}: read model {readModel.Name} {readModel.Score}, raw tables {rawRow.CompanyId} {rawRow.Score}");
        }

        Console.WriteLine($"Whole run: {total.Elapsed.TotalMinutes:0.0} min.");
        return sameScores ? 0 : 1;
    }

    private static async Task<string> SignInAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/auth/login", new { email = YieldApiHost.AdminEmail, password = YieldApiHost.AdminPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private static async Task<JsonNode> GraphQLAsync(HttpClient client, string query, string period)
    {
        var response = await client.PostAsJsonAsync("/graphql", new { query, variables = new { period } });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (!response.IsSuccessStatusCode || body?["errors"] is not null)
        {
            throw new InvalidOperationException($"GraphQL failed ({(int)response.StatusCode}): {body}");
        }

        return body!["data"]!;
    }

    /// <summary>A change to one company, as one event makes it (outside the timed call).</summary>
    private static Func<Task> ReadModelChange(YieldApiHost host) => ReadModelChanges.OneCompany(host.Services);

    /// <summary>Warms up with a tenth of the iterations, then times each call (not <paramref name="before"/>).</summary>
    private static async Task<LatencyStats> TimeAsync(int iterations, Func<Task> call, Func<Task>? before = null)
    {
        for (var i = 0; i < Math.Max(iterations / 10, 1); i++)
        {
            await call();
        }

        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            if (before is not null)
            {
                await before();
            }

            var started = Stopwatch.GetTimestamp();
            await call();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return LatencyStats.Of(times);
    }

    private static void Row(string name, LatencyStats stats)
        => Console.WriteLine($"| {name} | {LatencyStats.Format(stats.Percentile(0.5))} | {LatencyStats.Format(stats.Percentile(0.95))} | {LatencyStats.Format(stats.Percentile(0.99))} | {stats.Count} |");

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Delete(string database)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
