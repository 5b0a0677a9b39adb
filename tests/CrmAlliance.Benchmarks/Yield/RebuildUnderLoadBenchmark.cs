extern alias api;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using api::CrmAlliance.Api.Features.Yield;
using api::CrmAlliance.Api.Infrastructure.Data;
using api::CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Benchmarks.EndToEnd;
using CrmAlliance.Benchmarks.ProjectionLag;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>
/// <c>--rebuild-under-load --db FILE</c>: issue 13's "a definition change while the Api runs". The file's read model
/// is marked as built with other definitions, the real Api starts on it (Kestrel, loopback) and rebuilds aside in the
/// background while a consultant logs contacts at a fixed rate (open loop, each through GraphQL, the outbox, the bus
/// and the projection) and a manager reads the year's ranking, up to ten requests a second. Measured until the new model is
/// swapped in and the old tables are gone: each write's answer time (it includes any wait for SQLite's write lock), the ranking's, errors and
/// consumer faults; then every contact logged meanwhile must be in the swapped model. The file is changed: use a copy.
/// </summary>
public static class RebuildUnderLoadBenchmark
{
    public const string Switch = "--rebuild-under-load";

    private const string LogContact = "mutation($input: LogContactInput!) { logContact(input: $input) { id } }";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var database = Value("--db") ?? throw new ArgumentException("--db FILE is required (a copy of a seeded database: the run changes it)");
        var rate = double.Parse(Value("--writes-per-second") ?? "20", CultureInfo.InvariantCulture);
        var year = Value("--year") ?? "2026";

        await MarkDefinitionsChangedAsync(database);

        // The rebuild's own account (phases, longest write transaction) goes to the log at Information.
        Environment.SetEnvironmentVariable("Logging__LogLevel__CrmAlliance.Api.Features.Yield.Projection.Rebuild.YieldRebuildService", "Information");
        var loadBefore = MachineFacts.LoadAverageNow();
        using var waits = new WriterWaits();
        using var gcPauses = new GcPauses();
        var started = Stopwatch.StartNew();
        await using var host = new YieldApiHost(database);
        var faults = new FaultCounter();
        using var client = host.CreateHttpClient();
        host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(faults);
        var fingerprint = host.Services.GetRequiredService<YieldOptions>().ProjectionFingerprint;
        var admin = await GraphQLSession.SignInAsync(host, YieldApiHost.AdminEmail, YieldApiHost.AdminPassword);
        var (email, password) = ($"rebuild-writer-{Guid.NewGuid():N}@benchmark.local", "Genberegning-under-last-2026");
        await admin.SendAsync("mutation($input: CreateUserInput!) { createUser(input: $input) { id } }", new { input = new { email, displayName = "Rebuild writer", role = "CONSULTANT", password } }, CancellationToken.None);
        var consultant = await GraphQLSession.SignInAsync(host, email, password);
        var companies = await CompanyIdsAsync(host);
        Console.WriteLine($"Api serving after {started.Elapsed.TotalSeconds:0.0} s; rebuilding aside in the background; logging {rate:0.#} contacts/s and reading the {year} ranking until it is swapped in …");

        using var stop = new CancellationTokenSource();
        var writes = new ConcurrentBag<(TimeSpan SentAt, double Milliseconds, string? ContactId, string? Error)>();
        var writing = WriteAsync(consultant, companies, rate, started, writes, stop.Token);
        var rankings = new List<double>();
        var rankingErrors = 0;
        var reading = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var at = Stopwatch.GetTimestamp();
                try
                {
                    await admin.SendAsync(YieldBenchmark.RankingQuery, new { period = year }, CancellationToken.None);
                    rankings.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                }
                catch (GraphQLFailureException)
                {
                    rankingErrors++;
                }

                // A manager paging through reports, not a load generator: ten requests a second at most.
                var rest = TimeSpan.FromMilliseconds(100) - Stopwatch.GetElapsedTime(at);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, CancellationToken.None);
                }
            }
        });

        var swappedAfter = await WaitForSwapAsync(host, fingerprint, started, TimeSpan.FromMinutes(15));

        // The old tables are emptied and dropped after the swap, while the Api serves: measured too.
        var cleanedAfter = swappedAfter is null ? null : await WaitForOldTablesGoneAsync(database, started, TimeSpan.FromMinutes(15));
        var waited = waits.Stop();
        var (longestPauses, pauseTotal) = gcPauses.Stop();
        await stop.CancelAsync();
        await writing;
        await reading;
        var logged = writes.Where(w => w.ContactId is not null).Select(w => GlobalId.Parse(w.ContactId!, "ContactLog", "id")).ToList();
        var found = await ContactsInReadModelAsync(host, logged, TimeSpan.FromSeconds(60));
        var latencies = LatencyStats.Of(writes.Select(w => w.Milliseconds));
        var whileBuilding = LatencyStats.Of(writes.Where(w => swappedAfter is null || w.SentAt < swappedAfter).Select(w => w.Milliseconds));
        var whileCleaning = LatencyStats.Of(writes.Where(w => w.SentAt >= swappedAfter).Select(w => w.Milliseconds));
        var ranking = LatencyStats.Of(rankings);

        Console.WriteLine();
        Console.WriteLine($"Load average before {loadBefore}, after {MachineFacts.LoadAverageNow()}; {Environment.ProcessorCount} cores.");
        Console.WriteLine(swappedAfter is { } swap ? $"New read model swapped in {swap.TotalSeconds:0.0} s after the Api started; old tables gone after {cleanedAfter?.TotalSeconds:0.0} s (measured until then)." : "The rebuild did not finish within 15 minutes.");
        Console.WriteLine();
        Console.WriteLine("| during the rebuild | n | p50 | p95 | p99 | max | errors |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine($"| `logContact` answered (incl. any wait for the write lock) | {latencies.Count} | {F(latencies.Percentile(0.5))} | {F(latencies.Percentile(0.95))} | {F(latencies.Percentile(0.99))} | {F(latencies.Max)} | {writes.Count(w => w.Error is not null)} |");
        Console.WriteLine($"| – of these, sent while the new model was built aside | {whileBuilding.Count} | {F(whileBuilding.Percentile(0.5))} | {F(whileBuilding.Percentile(0.95))} | {F(whileBuilding.Percentile(0.99))} | {F(whileBuilding.Max)} | |");
        Console.WriteLine($"| – of these, sent while the old tables were emptied and dropped | {whileCleaning.Count} | {F(whileCleaning.Percentile(0.5))} | {F(whileCleaning.Percentile(0.95))} | {F(whileCleaning.Percentile(0.99))} | {F(whileCleaning.Max)} | |");
        Console.WriteLine($"| a write transaction's wait for its turn at the write lock (every writer of the Api: GraphQL, projection, outbox, rebuild) | {waited.Count} | {F(waited.Percentile(0.5))} | {F(waited.Percentile(0.95))} | {F(waited.Percentile(0.99))} | {F(waited.Max)} | – |");
        Console.WriteLine($"| `yieldRanking` {year}, first 50 | {ranking.Count} | {F(ranking.Percentile(0.5))} | {F(ranking.Percentile(0.95))} | {F(ranking.Percentile(0.99))} | {F(ranking.Max)} | {rankingErrors} |");
        Console.WriteLine();
        Console.WriteLine($"Garbage collection ({GcPauses.Mode}; the Api runs in this process): pauses {pauseTotal.TotalSeconds:0.0} s in all, {longestPauses.Count} seen; longest: "
            + string.Join(", ", longestPauses.Take(5).Select(p => $"{p.Milliseconds:0} ms ({p.Kind}, gen{p.Generation})")) + ".");
        Console.WriteLine($"Contacts logged during the rebuild and found in the swapped read model: {found:N0} of {logged.Count:N0}; consumer faults (each failed attempt, retried or not): {faults.Count}.");
        foreach (var error in writes.Where(w => w.Error is not null).Select(w => w.Error).Distinct().Take(5))
        {
            Console.WriteLine($"  write error: {error}");
        }

        return cleanedAfter is not null && found == logged.Count && writes.All(w => w.Error is null) ? 0 : 1;
    }

    private static string F(double milliseconds) => LatencyStats.Format(milliseconds);

    /// <summary>As a deployment with new weights or groups leaves it: the stored model built with other definitions.</summary>
    private static async Task MarkDefinitionsChangedAsync(string database)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE \"YieldState\" SET \"ProjectionFingerprint\" = 'before-' || \"ProjectionFingerprint\"";
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException("The database has no yield read model; seed it first.");
        }
    }

    private static async Task<List<string>> CompanyIdsAsync(YieldApiHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Companies.AsNoTracking().OrderBy(c => c.Cvr).Select(c => c.Id).Take(500).ToListAsync();
        return ids.Select(id => GlobalId.Encode("Company", id)).ToList();
    }

    /// <summary>Open loop: a write is started every 1/rate seconds whether or not the earlier ones were answered.</summary>
    private static async Task WriteAsync(GraphQLSession consultant, List<string> companies, double rate, Stopwatch clock, ConcurrentBag<(TimeSpan, double, string?, string?)> results, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(1 / rate);
        var inFlight = new List<Task>();
        var next = Stopwatch.GetTimestamp();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var company = companies[i % companies.Count];
            inFlight.Add(Task.Run(async () =>
            {
                var (at, sentAt) = (Stopwatch.GetTimestamp(), clock.Elapsed);
                try
                {
                    var input = new { companyId = company, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5), channel = "PHONE", summary = "Opfølgning under genberegningen." };
                    var answer = await consultant.SendAsync(LogContact, new { input }, CancellationToken.None);
                    results.Add((sentAt, Stopwatch.GetElapsedTime(at).TotalMilliseconds, answer["logContact"]!["id"]!.GetValue<string>(), null));
                }
                catch (Exception e) when (e is GraphQLFailureException or HttpRequestException)
                {
                    results.Add((sentAt, Stopwatch.GetElapsedTime(at).TotalMilliseconds, null, e.Message));
                }
            }, CancellationToken.None));
            next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await Task.WhenAll(inFlight);
    }

    private static async Task<TimeSpan?> WaitForSwapAsync(YieldApiHost host, string fingerprint, Stopwatch started, TimeSpan limit)
    {
        while (started.Elapsed < limit)
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
                if (await db.YieldState.AsNoTracking().AnyAsync(s => s.ProjectionFingerprint == fingerprint))
                {
                    return started.Elapsed;
                }
            }

            await Task.Delay(250);
        }

        return null;
    }

    private static async Task<TimeSpan?> WaitForOldTablesGoneAsync(string database, Stopwatch started, TimeSpan limit)
    {
        while (started.Elapsed < limit)
        {
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_\\_old' ESCAPE '\\'";
                if ((long)(await command.ExecuteScalarAsync())! == 0)
                {
                    return started.Elapsed;
                }
            }

            await Task.Delay(250);
        }

        return null;
    }

    private static async Task<int> ContactsInReadModelAsync(YieldApiHost host, List<Guid> contacts, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var found = 0;
        while (clock.Elapsed < limit)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            found = 0;
            foreach (var chunk in contacts.Chunk(500))
            {
                found += await db.YieldContactFacts.AsNoTracking().CountAsync(f => chunk.Contains(f.ContactLogId));
            }

            if (found == contacts.Count)
            {
                break;
            }

            await Task.Delay(500);
        }

        return found;
    }

    /// <summary>The Api's own measurement of each SQLite write transaction's wait in line (<c>SqliteWriterQueue</c>).</summary>
    private sealed class WriterWaits : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<double> milliseconds = new();

        public WriterWaits()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == api::CrmAlliance.Api.Infrastructure.Data.SqliteWriterQueue.WaitInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => milliseconds.Enqueue(seconds * 1000));
            listener.Start();
        }

        public LatencyStats Stop()
        {
            listener.Dispose();
            return LatencyStats.Of(milliseconds);
        }

        public void Dispose() => listener.Dispose();
    }

    private sealed class FaultCounter : IConsumeObserver
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        }
    }
}
