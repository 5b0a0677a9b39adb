using System.Collections.Concurrent;
using System.Diagnostics;

namespace CrmAlliance.Benchmarks.ProjectionLag;

/// <summary>
/// Makes changes at a fixed rate, open loop: change i is due at start + i / rate and is started then on the thread
/// pool whether or not earlier ones have answered (a slow projection or commit does not slow the consultants down).
/// Each acknowledged change is handed to the <see cref="LagWatcher"/>.
/// </summary>
public sealed class ChangeDriver(ChangeOperations operations, LagWatcher watcher, double rate)
{
    public ConcurrentQueue<(ChangeKind Kind, bool WarmUp, string Error)> Failures { get; } = new();

    public ConcurrentDictionary<ChangeKind, int> Made { get; } = new();

    public async Task RunAsync(IReadOnlyList<ChangeKind> plan, bool warmUp, CancellationToken cancellationToken)
    {
        var tick = TimeSpan.FromSeconds(Math.Clamp(0.1 / rate, 0.001, 0.010));
        using var timer = new PeriodicTimer(tick);
        var changes = new List<Task>(plan.Count);
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        while (next < plan.Count)
        {
            var due = Math.Min(plan.Count, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate) + 1);
            for (; next < due; next++)
            {
                var scheduled = start + (long)(next * Stopwatch.Frequency / rate);
                var (kind, run) = operations.Prepare(plan[next]);
                changes.Add(Task.Run(() => ChangeAsync(kind, run, scheduled, warmUp, cancellationToken), cancellationToken));
            }

            if (next < plan.Count)
            {
                await timer.WaitForNextTickAsync(cancellationToken);
            }
        }

        await Task.WhenAll(changes);
    }

    private async Task ChangeAsync(ChangeKind kind, Func<CancellationToken, Task<Expectation>> run, long scheduled, bool warmUp, CancellationToken cancellationToken)
    {
        try
        {
            var expectation = await run(cancellationToken);
            var answered = Stopwatch.GetTimestamp();
            watcher.Track(new TrackedChange(kind, expectation, DateTime.UtcNow, (answered - scheduled) * 1000.0 / Stopwatch.Frequency, warmUp));
            Made.AddOrUpdate(kind, 1, (_, n) => n + 1);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Failures.Enqueue((kind, warmUp, $"{ex.GetType().Name}: {ex.Message}"));
        }
    }
}
