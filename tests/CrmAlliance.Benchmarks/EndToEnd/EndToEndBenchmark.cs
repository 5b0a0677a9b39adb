using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>
/// <c>dotnet run -c Release --project tests/CrmAlliance.Benchmarks -- --end-to-end</c>: a fresh RabbitMQ
/// virtual host and SQLite file; the Api and the matching worker as two real hosts over them; a seeded pool;
/// vacancies posted open loop at a steady rate; then the outbox against plain publish. Progress goes to
/// stderr, the results block (markdown) to stdout. The virtual host and the database files are removed at the
/// end, also after Ctrl+C or a failure. Exit code 0 when nothing was lost or duplicated.
/// </summary>
public static class EndToEndBenchmark
{
    private const string SnapshotKey = "e2e-benchmark-snapshot-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = EndToEndOptions.Parse(args);
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        try
        {
            var report = await RunAsync(options, "dotnet run -c Release --project tests/CrmAlliance.Benchmarks -- " + string.Join(' ', args), stop.Token);
            Console.WriteLine(report.Render());
            return report.Correct ? 0 : 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Progress("Stopped; cleaned up.");
            return 130;
        }

        void Cancel(PosixSignalContext context)
        {
            // Let the run unwind through its clean-up instead of the process dying with the virtual host left behind.
            context.Cancel = true;
            Progress($"{context.Signal}: stopping and cleaning up…");
            stop.Cancel();
        }
    }

    private static async Task<EndToEndResults> RunAsync(EndToEndOptions options, string command, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machineLoad = MachineFacts.LoadAverageNow();
        var rabbitMq = await RabbitMqVirtualHost.EnsureRunningAsync(cancellationToken);
        var machine = MachineFacts.Read(rabbitMq) with { LoadAverage = machineLoad };
        var traces = new VacancyTraces();
        var databaseFile = Path.Combine(Path.GetTempPath(), $"crm-e2e-{Guid.NewGuid():N}.db");
        var virtualHost = await RabbitMqVirtualHost.CreateAsync(cancellationToken);
        ApiHost? api = null;
        WebApplication? worker = null;
        try
        {
            Progress($"Virtual host {virtualHost}, database {databaseFile}.");
            api = new ApiHost(ApiSettings(virtualHost, databaseFile), traces, WorkerHost.FreePort());
            api.StartServer();
            await WorkerHost.WaitUntilReadyAsync("Api", api.BaseAddress, TimeSpan.FromSeconds(60), cancellationToken);

            var clock = Stopwatch.StartNew();
            var inputs = await new PoolSeeder(options.Candidates, options.WarmUpVacancies + options.MeasuredVacancies).SeedAsync(api.Services, cancellationToken);
            Progress($"Seeded {options.Candidates:N0} candidates, {PoolSeeder.Companies} companies, {PoolSeeder.Workplaces} workplaces in {clock.Elapsed.TotalSeconds:0.0} s.");

            clock.Restart();
            (worker, var workerAddress) = await WorkerHost.StartAsync(WorkerSettings(virtualHost, api.BaseAddress), traces, cancellationToken);
            await WorkerHost.WaitUntilReadyAsync("matching worker", workerAddress, TimeSpan.FromSeconds(120), cancellationToken);
            Progress($"Matching worker ready (index loaded from the Api's snapshot over HTTP) in {clock.Elapsed.TotalSeconds:0.0} s.");

            // Warm-up at the same rate, then a pause until its suggestions are stored: the measured period starts
            // from a warm process and an empty backlog, not with the queue a cold start leaves behind.
            var driver = new OpenLoopDriver(api.Services, traces, options.Rate);
            Progress($"Warm-up: {options.WarmUpVacancies:N0} vacancies at {options.Rate:0.#}/s…");
            await driver.RunAsync([.. inputs.Take(options.WarmUpVacancies)], warmUp: true, cancellationToken);
            clock.Restart();
            var warmedUp = await WaitUntilStoredAsync(traces, TimeSpan.FromSeconds(60), cancellationToken);
            var warmUpDrain = clock.Elapsed;
            Progress($"Warm-up drained {warmUpDrain.TotalMilliseconds:N0} ms after its last commit{(warmedUp ? "" : " (gave up after 60 s)")}.");

            Progress($"Measuring: {options.MeasuredVacancies:N0} vacancies at {options.Rate:0.#}/s for {options.Seconds} s…");
            var sampler = new LoadSampler();
            await driver.RunAsync([.. inputs.Skip(options.WarmUpVacancies)], warmUp: false, cancellationToken);
            clock.Restart();
            var drained = await WaitUntilStoredAsync(traces, TimeSpan.FromSeconds(60), cancellationToken);
            await sampler.DisposeAsync();
            var drain = clock.Elapsed;
            Progress(drained ? $"All suggestions stored {drain.TotalMilliseconds:N0} ms after the last commit." : "Gave up waiting for suggestions after 60 s: the missing ones count as lost.");
            var checks = await StoreChecks.ReadAsync(api.Services, cancellationToken);
            var loadAfter = MachineFacts.LoadAverageNow();

            Progress($"Publish comparison: {options.Messages:N0} messages per measurement…");
            var comparison = new PublishComparison(api.Services, traces, virtualHost);
            await comparison.PrepareAsync(cancellationToken);
            var results = new List<PublishComparison.Result>
            {
                await comparison.PlainAsync(options.Messages, cancellationToken),
                await comparison.OutboxAsync(options.Messages, aggregates: null, cancellationToken),
                await comparison.OutboxAsync(options.Messages, aggregates: 10, cancellationToken),
            };

            return new(options, command, machine, loadAfter, startedAt, traces.All, [.. driver.Failures], traces.Faults, checks, sampler.Summary(), sampler.BrokerRestarted, warmUpDrain, drain, results);
        }
        finally
        {
            await CleanUpAsync(worker, api, virtualHost, databaseFile);
        }
    }

    private static Dictionary<string, string> BusSettings(string virtualHost) => new()
    {
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:RabbitMq:Host"] = RabbitMqVirtualHost.Host,
        ["Bus:RabbitMq:VirtualHost"] = virtualHost,

        // Per-message information logs (e.g. "Matched vacancy …") would flood the results; warnings still show.
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",

        // The readiness polls' "unhealthy" answers are expected while the hosts start.
        ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Critical",

        // Logs go to stderr with the progress lines; stdout carries only the results block.
        ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
    };

    private static Dictionary<string, string> ApiSettings(string virtualHost, string databaseFile) => new(BusSettings(virtualHost))
    {
        ["ConnectionStrings:Crm"] = $"Data Source={databaseFile}",
        ["Matching:InProcess"] = "false",
        ["Matching:SnapshotKey"] = SnapshotKey,
        ["Bootstrap:AdminEmail"] = "admin@e2e-benchmark.local",
        ["Bootstrap:AdminPassword"] = $"E2e-Passw0rd-{Guid.NewGuid():N}",
    };

    private static Dictionary<string, string> WorkerSettings(string virtualHost, Uri api) => new(BusSettings(virtualHost))
    {
        ["Matching:SnapshotUrl"] = new Uri(api, "matching/candidate-snapshot").ToString(),
        ["Matching:SnapshotKey"] = SnapshotKey,
        ["Matching:InstanceName"] = virtualHost,
    };

    /// <summary>Waits until every committed vacancy's suggestions are stored; false at the time limit.</summary>
    private static async Task<bool> WaitUntilStoredAsync(VacancyTraces traces, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (traces.All.Any(t => t[TracePoint.Committed] > 0 && t[TracePoint.Stored] == 0))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(20, cancellationToken);
        }

        return true;
    }

    private static async Task CleanUpAsync(WebApplication? worker, ApiHost? api, string virtualHost, string databaseFile)
    {
        try
        {
            if (worker is not null)
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await worker.StopAsync(stopping.Token);
                await worker.DisposeAsync();
            }

            if (api is not null)
            {
                await api.DisposeAsync();
            }
        }
        finally
        {
            await RabbitMqVirtualHost.DeleteAsync(virtualHost);
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
            {
                File.Delete(file);
            }

            Progress($"Removed virtual host {virtualHost} and the database files.");
        }
    }

    public static void Progress(string message) => Console.Error.WriteLine($"[e2e {DateTime.UtcNow:HH:mm:ss}] {message}");
}
