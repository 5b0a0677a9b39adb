using System.Diagnostics;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>
/// Watches the machine while the load runs: CPU used by this process (both hosts), by RabbitMQ and by everything
/// else (other tenants of the shared cores), from /proc; and the thread pool every 250 ms. SQLite I/O through
/// Microsoft.Data.Sqlite is synchronous (its async methods block the calling thread, and it sleeps on a busy
/// database), so starved pool threads would delay every host in the process: this shows whether that happened.
/// </summary>
public sealed class LoadSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly List<(int Threads, long Queued)> _samples = [];
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly TimeSpan _processCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly (long Busy, long Total)? _machineAtStart = MachineTicks();
    private readonly (int Pid, long Ticks)? _rabbitAtStart = RabbitMq();
    private string _cpu = "";

    public LoadSampler() => _sampling = SampleAsync();

    /// <summary>
    /// The broker's process changed while measuring: someone restarted the machine's shared RabbitMQ (e.g. a fault
    /// test), so the latencies say nothing about the steady state.
    /// </summary>
    public bool BrokerRestarted { get; private set; }

    public string Summary()
    {
        lock (_samples)
        {
            var pool = _samples.Count == 0
                ? "no samples"
                : $"{_samples[0].Threads} threads at the start, {_samples.Max(s => s.Threads)} at most; queued work items p50 {Percentile(0.5)}, max {_samples.Max(s => s.Queued)}";
            return $"{_cpu} Thread pool: {pool}.";
        }
    }

    private long Percentile(double p)
    {
        var sorted = _samples.Select(s => s.Queued).Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            do
            {
                lock (_samples)
                {
                    _samples.Add((ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount));
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // Stopped after the load.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
        var wall = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        var process = (Process.GetCurrentProcess().TotalProcessorTime - _processCpuAtStart).TotalSeconds / wall;
        var rabbitAtEnd = RabbitMq();
        BrokerRestarted = _rabbitAtStart?.Pid != rabbitAtEnd?.Pid;
        var rabbit = !BrokerRestarted && _rabbitAtStart is { } r0 && rabbitAtEnd is { } r1 ? (r1.Ticks - r0.Ticks) / 100.0 / wall : double.NaN;
        if (_machineAtStart is { } m0 && MachineTicks() is { } m1)
        {
            // /proc/stat counts every tenant of the machine's cores: "busy" is all of them together.
            var cores = Environment.ProcessorCount;
            var busy = (double)(m1.Busy - m0.Busy) / (m1.Total - m0.Total) * cores;
            var others = busy - process - (double.IsNaN(rabbit) ? 0 : rabbit);
            _cpu = $"CPU in cores (of {cores}) while measuring: machine {busy:0.00} busy — this process (both hosts) {process:0.00}, RabbitMQ {(double.IsNaN(rabbit) ? "unknown" : rabbit.ToString("0.00"))}, everything else {others:0.00}.";
        }
        else
        {
            _cpu = $"CPU in cores while measuring: this process (both hosts) {process:0.00}.";
        }
    }

    /// <summary>Busy and total jiffies of all CPUs from the first line of /proc/stat (idle and iowait are not busy).</summary>
    private static (long Busy, long Total)? MachineTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var total = fields.Take(8).Sum();
        return (total - fields[3] - fields[4], total);
    }

    /// <summary>The broker's Erlang VM, when it is visible in /proc: its pid and its user + system clock ticks (1/100 s).</summary>
    private static (int Pid, long Ticks)? RabbitMq()
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "comm")).Trim() == "beam.smp")
                {
                    // Fields after the parenthesised name: state is 3rd, utime 14th, stime 15th.
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    return (int.Parse(Path.GetFileName(directory)), long.Parse(fields[11]) + long.Parse(fields[12]));
                }
            }
            catch (IOException)
            {
                // A process that ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return null;
    }
}
