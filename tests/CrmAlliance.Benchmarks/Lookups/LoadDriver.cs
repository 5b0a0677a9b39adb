using System.Diagnostics;
using System.Net;
using CrmAlliance.Benchmarks.EndToEnd;

namespace CrmAlliance.Benchmarks.Lookups;

/// <summary>One kind of request a client sends; it returns null when the answer was right, else what was wrong.</summary>
public sealed record LoadOperation(string Name, string Kind, int Weight, Func<HttpClient, Random, CancellationToken, Task<string?>> SendAsync);

/// <summary>What the operations of one kind (or one name) did while measured.</summary>
public sealed record OperationFigures(string Name, long Requests, long Errors, LatencyStats Latency, double Seconds)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>A run: figures per operation and per kind, the first error seen, and what the process spent.</summary>
public sealed record LoadResult(
    IReadOnlyList<OperationFigures> ByOperation,
    IReadOnlyList<OperationFigures> ByKind,
    OperationFigures All,
    string? FirstError,
    double ProcessCores,
    double AllocatedKilobytesPerRequest,
    string Machine);

/// <summary>
/// A closed-loop load driver like wrk: <c>connections</c> clients, each with its own keep-alive connection
/// (one <see cref="SocketsHttpHandler"/> allows exactly that many), send the next request as soon as the last answer
/// is read, first for a warm-up whose figures are dropped, then for a fixed duration. It runs in the Api's process on
/// the same two cores, so its own CPU (a few µs per request: one prepared body, one read of the answer) is in the
/// figures; wrk in another process cost the machine too.
/// </summary>
public static class LoadDriver
{
    public static HttpClient CreateClient(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Sends the operations for <paramref name="duration"/> and keeps no figures.</summary>
    public static Task WarmUpAsync(HttpClient client, IReadOnlyList<LoadOperation> operations, int connections, TimeSpan duration)
        => RunClientsAsync(client, operations, connections, duration);

    public static async Task<LoadResult> RunAsync(HttpClient client, IReadOnlyList<LoadOperation> operations, int connections, TimeSpan warmUp, TimeSpan duration)
    {
        await WarmUpAsync(client, operations, connections, warmUp);
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var contentionsBefore = Monitor.LockContentionCount;
        var sampler = new LoadSampler();
        var started = Stopwatch.GetTimestamp();
        var samples = await RunClientsAsync(client, operations, connections, duration);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await sampler.DisposeAsync();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / seconds;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var contentions = Monitor.LockContentionCount - contentionsBefore;

        var all = samples.SelectMany(s => s.Timings).ToList();
        var errors = samples.SelectMany(s => s.Errors).ToList();
        OperationFigures Figures(string name, Func<int, bool> included)
            => new(name, all.Count(t => included(t.Operation)), errors.Count(e => included(e.Operation)), LatencyStats.Of(all.Where(t => included(t.Operation)).Select(t => t.Milliseconds)), seconds);

        var byOperation = operations.Select((o, i) => Figures(o.Name, op => op == i)).ToList();
        var byKind = operations.Select(o => o.Kind).Distinct().Select(kind => Figures(kind, op => operations[op].Kind == kind)).ToList();
        var total = Figures("all", _ => true);
        return new LoadResult(byOperation, byKind, total, errors.Select(e => e.Message).FirstOrDefault(), cpu,
            total.Requests == 0 ? 0 : allocated / 1024.0 / total.Requests,
            sampler.Summary() + FormattableString.Invariant($" Lock contentions: {(total.Requests == 0 ? 0 : (double)contentions / total.Requests):0.000} per request."));
    }

    private sealed record ClientSamples(List<(int Operation, double Milliseconds)> Timings, List<(int Operation, string Message)> Errors);

    private static async Task<ClientSamples[]> RunClientsAsync(HttpClient client, IReadOnlyList<LoadOperation> operations, int connections, TimeSpan duration)
    {
        var totalWeight = operations.Sum(o => o.Weight);
        using var stop = new CancellationTokenSource(duration);
        var clients = Enumerable.Range(0, connections).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            var samples = new ClientSamples(new List<(int, double)>(4096), []);
            while (!stop.IsCancellationRequested)
            {
                var operation = Pick(operations, random.Next(totalWeight));
                var started = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    // Not cancelled by the deadline: a request in flight finishes and is counted.
                    error = await operations[operation].SendAsync(client, random, CancellationToken.None);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    error = ex.GetType().Name + ": " + ex.Message;
                }

                samples.Timings.Add((operation, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                if (error is not null)
                {
                    samples.Errors.Add((operation, $"{operations[operation].Name}: {error}"));
                }
            }

            return samples;
        })).ToList();
        return await Task.WhenAll(clients);
    }

    private static int Pick(IReadOnlyList<LoadOperation> operations, int ticket)
    {
        for (var i = 0; i < operations.Count; i++)
        {
            ticket -= operations[i].Weight;
            if (ticket < 0)
            {
                return i;
            }
        }

        return operations.Count - 1;
    }
}
