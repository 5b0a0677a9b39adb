using System.Diagnostics;
using System.Globalization;
using CrmAlliance.Benchmarks.EndToEnd;
using CrmAlliance.Benchmarks.Yield;
using Microsoft.Data.Sqlite;

namespace CrmAlliance.Benchmarks.ProjectionLag;

/// <summary>
/// <c>dotnet run -c Release --project tests/CrmAlliance.Benchmarks -- --projection-lag</c>: the issue's "the projection
/// keeps up". A generated alliance (the data generator, read model rebuilt after seeding) in a fresh SQLite file; the
/// real Api on it in its embedded default (in-memory bus, matching in process, production environment) on Kestrel;
/// a consultant making source changes through GraphQL over HTTP at a fixed rate; and, for each change, the time from
/// its acknowledgement until its events are consumed and the read model shows it (<see cref="LagWatcher"/>).
/// Progress goes to stderr, the results block (markdown) to stdout. Exit code 0 when p99 is under 5 s and every
/// change was seen through.
/// </summary>
public static class ProjectionLagBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ProjectionLagOptions.Parse(args);
        var command = "dotnet run -c Release --project tests/CrmAlliance.Benchmarks -- " + string.Join(' ', args);
        var database = Path.Combine(Path.GetTempPath(), $"crm-lag-{Guid.NewGuid():N}.db");
        var total = Stopwatch.StartNew();
        try
        {
            return await RunAsync(options, command, database, total, CancellationToken.None);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<int> RunAsync(ProjectionLagOptions options, string command, string database, Stopwatch total, CancellationToken cancellationToken)
    {
        var loadBefore = MachineFacts.LoadAverageNow();
        Progress($"Seeding {options.Companies:N0} companies and {options.Placements:N0} placements into {database} …");
        var seed = await ApiCommand.GenerateAsync(database, "--companies", Str(options.Companies), "--placements", Str(options.Placements), "--seed", Str(options.Seed));
        if (seed.ExitCode != 0)
        {
            return seed.ExitCode;
        }

        Progress($"Seeded in {seed.Elapsed.TotalSeconds:0} s; starting the Api …");
        await using var host = new YieldApiHost(database);
        var admin = await GraphQLSession.SignInAsync(host, YieldApiHost.AdminEmail, YieldApiHost.AdminPassword);
        var (email, password) = ($"lag-driver-{Guid.NewGuid():N}@benchmark.local", $"Lag-{Guid.NewGuid():N}");
        await admin.SendAsync("mutation($input: CreateUserInput!) { createUser(input: $input) { id } }", new { input = new { email, displayName = "Lag driver", role = "CONSULTANT", password } }, cancellationToken);
        var consultant = await GraphQLSession.SignInAsync(host, email, password);

        var clock = Stopwatch.StartNew();
        var pool = await WorkPool.LoadAsync(consultant, options.Candidates, cancellationToken);
        Progress($"Read {pool.Companies.Count} active companies and {pool.Pledges.Count} pledges, registered {pool.Candidates.Count} candidates in {clock.Elapsed.TotalSeconds:0.0} s.");

        await using var watcher = new LagWatcher(database);
        var driver = new ChangeDriver(new ChangeOperations(consultant, pool), watcher, options.Rate);
        var plan = ChangeMix.Sequence(options.WarmUpChanges + options.MeasuredChanges);
        Progress($"Warm-up: {options.WarmUpChanges:N0} changes at {options.Rate:0.#}/s …");
        await driver.RunAsync([.. plan.Take(options.WarmUpChanges)], warmUp: true, cancellationToken);
        var warmedUp = await watcher.WaitUntilDoneAsync(TimeSpan.FromSeconds(30), cancellationToken);
        Progress(warmedUp ? "Warm-up seen through." : "Warm-up not seen through after 30 s; measuring anyway.");

        Progress($"Measuring: {options.MeasuredChanges:N0} changes at {options.Rate:0.#}/s for {options.Seconds} s …");
        var firstSample = watcher.Backlog.Count;
        var measuring = Stopwatch.StartNew();
        await driver.RunAsync([.. plan.Skip(options.WarmUpChanges)], warmUp: false, cancellationToken);
        var driven = measuring.Elapsed;
        var drained = await watcher.WaitUntilDoneAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var drain = measuring.Elapsed - driven;
        Progress(drained ? $"Everything seen through {drain.TotalMilliseconds:N0} ms after the last answer." : "Gave up after 60 s: the rest count as not seen through.");

        var report = new ProjectionLagReport(options, command, MachineFacts.Read("–") with { LoadAverage = loadBefore }, MachineFacts.LoadAverageNow(),
            watcher.All.Where(c => !c.WarmUp).ToList(), [.. driver.Failures.Where(f => !f.WarmUp)], driver.Failures.Count(f => f.WarmUp),
            watcher.Backlog.Skip(firstSample).ToList(), driven, drain, watcher.Polls, total.Elapsed);
        Console.WriteLine(report.Render());
        return report.Met ? 0 : 2;
    }

    public static void Progress(string message) => Console.Error.WriteLine($"[lag {DateTime.UtcNow:HH:mm:ss}] {message}");

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
