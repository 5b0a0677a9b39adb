extern alias api;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using api::CrmAlliance.Api.Features.Yield;
using api::CrmAlliance.Api.Features.Yield.Reports;
using api::CrmAlliance.Api.Infrastructure.Data;
using api::CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Benchmarks.EndToEnd;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>
/// The issue's yield benchmark: generate 5,000 companies and 1,000,000 placements (the data generator; or take an
/// existing file with --db and --no-rebuild), rebuild the read model (time and peak memory, in a child process of its
/// own), then through GraphQL over HTTP (Kestrel, loopback) time yieldRanking (a year, first 50) and allianceSummary
/// (a year) with the read model unchanged, right after a change, and while real source changes stream in
/// (<see cref="YieldEventStream"/>); and in the same run the same ranking as one SQL query on the SQLite file and in
/// DuckDB from the raw rows (<see cref="RankingSql"/>), checking all give the same top 50 companies and scores.
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

    public const string DormantQuery = """
        query($period: String!) {
          dormantPartners(period: $period, first: 20) {
            totalCount
            edges { node { company { id name } responsibleConsultantName lastActiveMonth contacts pledgedPositions } }
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

        var loadBefore = MachineFacts.LoadAverageNow();
        await using var host = new YieldApiHost(options.Database);
        using var client = host.CreateHttpClient();

        // A served Api warms this year's and last year's reports at start-up (after the day clock); measure it as it then serves.
        await host.Services.GetRequiredService<YieldReportWarmer>().FirstRound;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(client));
        var period = options.Year.ToString(CultureInfo.InvariantCulture);
        Task Ranking() => GraphQLAsync(client, RankingQuery, period);
        Task Summary() => GraphQLAsync(client, SummaryQuery, period);
        Task Dormant() => GraphQLAsync(client, DormantQuery, period);

        // Warm: the read model unchanged between requests. Cold: a change to one company's version of the read model
        // (as any event makes it) before every request. Then the same in process, without GraphQL and HTTP.
        // Warm means a process that has served a while: before timing, the reports are asked for during
        // --warm-up-seconds (30), so the start-up warmer is done and the JIT has tiered up the request path — the
        // ranking's p50 fell from ~3.3 to ~1 ms only after a few thousand requests (an Api and a client apart).
        Console.WriteLine($"Warming up for {options.WarmUpSeconds} s, then timing warm and right-after-a-change requests …");
        await WarmUpAsync(TimeSpan.FromSeconds(options.WarmUpSeconds), Ranking, Summary, Dormant);
        var ranking = await TimeAsync(options.Iterations, Ranking);
        var summary = await TimeAsync(options.Iterations, Summary);
        var bump = ReadModelChange(host);
        var rankingCold = await TimeAsync(options.ColdIterations, Ranking, bump);
        var summaryCold = await TimeAsync(options.ColdIterations, Summary, bump);
        var rankingInProcess = await TimeAsync(options.ColdIterations, () => InProcess.RankingPageAsync(host, period), bump);
        var summaryInProcess = await TimeAsync(options.ColdIterations, () => InProcess.SummaryAsync(host, period), bump);
        // The dormant list's first page as the Api pages it (a list kept in memory) and paged in SQL on the read model.
        var dormant = await TimeAsync(options.Iterations, Dormant);
        var dormantCold = await TimeAsync(options.ColdIterations, Dormant, bump);
        var dormantSqlText = DormantPageSql.Sqlite(options.Year, 20);
        List<Guid> dormantSqlPage = [];
        var dormantSql = await TimeAsync(options.ColdIterations, async () => dormantSqlPage = await DormantPageSql.PageAsync(options.Database, dormantSqlText));
        var dormantPage = (await GraphQLAsync(client, DormantQuery, period))["dormantPartners"]!["edges"]!.AsArray()
            .Select(e => GlobalId.Parse(e!["node"]!["company"]!["id"]!.GetValue<string>(), "Company", "id")).ToList();
        Console.WriteLine($"  p50/p95 dormant first page warm {Brief(dormant)}, after a change {Brief(dormantCold)}, paged in SQL {Brief(dormantSql)}; same page: {(dormantPage.SequenceEqual(dormantSqlPage) ? "yes" : "NO")}");
        Console.WriteLine($"  p50/p95 ranking warm {Brief(ranking)}, after a change {Brief(rankingCold)} (in process {Brief(rankingInProcess)}); summary warm {Brief(summary)}, after a change {Brief(summaryCold)} (in process {Brief(summaryInProcess)})");

        Console.WriteLine($"Streaming source changes at {options.EventsPerSecond:0.#}/s for {options.StreamSeconds} s while reading …");
        var stream = await YieldEventStream.RunAsync(host, options.Database, Ranking, Summary, options.EventsPerSecond, options.StreamSeconds, CancellationToken.None);
        var loadAfterStream = MachineFacts.LoadAverageNow();
        Console.WriteLine($"  under the stream p50/p95: ranking {Brief(stream.Ranking)}, summary {Brief(stream.Summary)}");

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
        var (companies, placements) = (await db.Companies.CountAsync(), await db.Placements.CountAsync());

        Console.WriteLine($"Baselines: one SQL query on SQLite ({options.SqlIterations}×), DuckDB from CSV ({options.DuckDbIterations}×) …");
        List<BaselineRow> sqlTop = [];
        var sql = RankingSql.Sqlite(yieldOptions, options.Year, bookedThrough, 50);
        var sqlTimes = await TimeAsync(options.SqlIterations, async () => sqlTop = await SqliteRankingAsync(options.Database, sql), warmUps: 0);

        var export = Stopwatch.StartNew();
        var exported = await DuckDbRanking.ExportAsync(options.Database, options.CsvFolder);
        export.Stop();
        using var duck = new DuckDbRanking();
        var duckLoad = await duck.LoadAsync(options.CsvFolder);
        List<BaselineRow> duckTop = [];
        var duckSql = RankingSql.DuckDb(yieldOptions, options.Year, bookedThrough, 50);
        var duckTimes = await TimeAsync(options.DuckDbIterations, async () => duckTop = await duck.RankAsync(duckSql), warmUps: 1);

        List<(Guid CompanyId, double Score)> raw = [];
        var rawTimes = options.RawIterations > 0
            ? await TimeAsync(options.RawIterations, async () => raw = await RawTableRanking.TopAsync(db, yieldOptions, options.Year, bookedThrough, 50), warmUps: 0)
            : null;

        var readModel = top.Select(t => (t.Id, t.Score)).ToList();
        var sqlSame = sqlTop.Select(r => (r.CompanyId, r.Score)).SequenceEqual(readModel);
        var duckSame = duckTop.Select(r => (r.CompanyId, r.Score)).SequenceEqual(readModel);
        var rawSame = rawTimes is null || raw.SequenceEqual(readModel);

        Console.WriteLine();
        Console.WriteLine($"Command: dotnet run -c Release --project tests/CrmAlliance.Benchmarks -- {string.Join(' ', args)}");
        Console.WriteLine($"Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; load average before {loadBefore}, after the stream {loadAfterStream}, at the end {MachineFacts.LoadAverageNow()}");
        Console.WriteLine($"Stream: {stream.ChangesMade:N0} changes in {stream.Elapsed.TotalSeconds:0.0} s = {stream.ChangesPerSecond:0.0}/s ({stream.Failures} failed), {stream.ReadModelVersions:N0} read-model versions = {stream.VersionsPerSecond:0.0}/s; seen through (consumed and in the read model) p50 {LatencyStats.Format(stream.SeenThrough.Percentile(0.5))}, p99 {LatencyStats.Format(stream.SeenThrough.Percentile(0.99))}{(stream.Drained ? string.Empty : ", NOT all seen through")}");
        stream.FailureReasons.ToList().ForEach(reason => Console.WriteLine($"  failed: {reason}"));
        Console.WriteLine();
        Console.WriteLine($"| measurement ({companies:N0} companies, {placements:N0} placements, SQLite) | p50 | p95 | p99 | n |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Row($"`yieldRanking`, year {period}, first 50, GraphQL over HTTP — read model unchanged", ranking);
        Row($"`allianceSummary`, year {period} — read model unchanged", summary);
        Row($"`yieldRanking` right after a change to one company's read model (synthetic version bump)", rankingCold);
        Row($"`allianceSummary` right after such a change", summaryCold);
        Row($"`yieldRanking` while source changes stream in at {stream.ChangesPerSecond:0.0}/s", stream.Ranking);
        Row($"`allianceSummary` while source changes stream in", stream.Summary);
        Row("in process, no GraphQL/HTTP: ranking's first page right after a change", rankingInProcess);
        Row("in process, no GraphQL/HTTP: summary right after a change", summaryInProcess);
        Row($"`dormantPartners`, year {options.Year}, first 20 — read model unchanged", dormant);
        Row("`dormantPartners` right after such a change", dormantCold);
        Row("the same dormant page paged in SQL on the read model (own connection per call)", dormantSql);
        Row("the same ranking as one SQL query on the same SQLite file", sqlTimes);
        Row($"the same ranking in DuckDB (in memory), query only", duckTimes);
        if (rawTimes is not null)
        {
            Row("the same ranking from the raw tables (EF, in process)", rawTimes);
        }

        Console.WriteLine($"DuckDB: CSV export from SQLite {export.Elapsed.TotalSeconds:0.0} s ({exported:N0} rows, not timed below), load {duckLoad.TotalSeconds:0.00} s ({duck.Rows:N0} rows).");
        var (warm, cold, streamed) = (ranking.Percentile(0.5), rankingCold.Percentile(0.5), stream.Ranking.Percentile(0.5));
        Console.WriteLine($"Ratios (p50): SQL / read model = {sqlTimes.Percentile(0.5) / warm:N0}× warm, {sqlTimes.Percentile(0.5) / cold:N0}× right after a change, {sqlTimes.Percentile(0.5) / streamed:N0}× under the stream; "
            + $"DuckDB query / read model = {duckTimes.Percentile(0.5) / warm:N0}× warm, {duckTimes.Percentile(0.5) / cold:N0}× after a change, {duckTimes.Percentile(0.5) / streamed:N0}× under the stream; "
            + $"DuckDB load + query / read model under the stream = {(duckLoad.TotalMilliseconds + duckTimes.Percentile(0.5)) / streamed:N0}×; SQL / DuckDB query = {sqlTimes.Percentile(0.5) / duckTimes.Percentile(0.5):N1}×.");
        Console.WriteLine($"Same top 50 companies and scores as the read model: SQL {(sqlSame ? "yes" : "NO")}, DuckDB {(duckSame ? "yes" : "NO")}{(rawTimes is null ? string.Empty : $", EF {(rawSame ? "yes" : "NO")}")}.");
        foreach (var (place, readRow, sqlRow) in top.Zip(sqlTop).Select((pair, i) => (i + 1, pair.First, pair.Second)).Where(x => x.First.Id != x.Second.CompanyId || x.First.Score != x.Second.Score).Take(5))
        {
            Console.WriteLine($"  place {place}: read model {readRow.Name} {readRow.Score}, SQL {sqlRow.Name} {sqlRow.Score}");
        }

        Console.WriteLine($"Whole run: {total.Elapsed.TotalMinutes:0.0} min.");
        return sqlSame && duckSame && rawSame ? 0 : 1;
    }

    /// <summary>The baseline query on a read-only connection of its own, every row read.</summary>
    private static async Task<List<BaselineRow>> SqliteRankingAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<BaselineRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new BaselineRow(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
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

    private static async Task WarmUpAsync(TimeSpan duration, params Func<Task>[] calls)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            foreach (var call in calls)
            {
                await call();
            }
        }
    }

    /// <summary>Warms up (a tenth of the iterations unless told), then times each call (not <paramref name="before"/>).</summary>
    private static Task<LatencyStats> TimeAsync(int iterations, Func<Task> call, int warmUps) => TimeAsync(iterations, call, null, warmUps);

    private static async Task<LatencyStats> TimeAsync(int iterations, Func<Task> call, Func<Task>? before = null, int? warmUps = null)
    {
        for (var i = 0; i < (warmUps ?? Math.Max(iterations / 10, 1)); i++)
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

    private static string Brief(LatencyStats stats) => $"{LatencyStats.Format(stats.Percentile(0.5))}/{LatencyStats.Format(stats.Percentile(0.95))}";

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
