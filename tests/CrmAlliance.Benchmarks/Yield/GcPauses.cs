using System.Runtime;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>
/// The garbage collector's pauses in this process while it runs: every collection's pause, read from
/// <see cref="GC.GetGCMemoryInfo(GCKind)"/> every few milliseconds (each kind keeps its last collection's), so a
/// slow answer can be told from a stop of the whole process.
/// </summary>
internal sealed class GcPauses : IDisposable
{
    private readonly List<(GCKind Kind, int Generation, double Milliseconds)> pauses = [];
    private readonly Dictionary<GCKind, long> seen = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task watching;
    private readonly TimeSpan totalBefore = GC.GetTotalPauseDuration();

    public GcPauses()
    {
        foreach (var kind in Kinds)
        {
            seen[kind] = GC.GetGCMemoryInfo(kind).Index;
        }

        watching = Task.Run(WatchAsync);
    }

    public static string Mode => $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : string.Empty)}";

    private static GCKind[] Kinds => [GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background];

    /// <summary>Stops watching; the pauses seen, the longest first, and all pauses' total.</summary>
    public (List<(GCKind Kind, int Generation, double Milliseconds)> Longest, TimeSpan Total) Stop()
    {
        stop.Cancel();
        watching.Wait();
        return ([.. pauses.OrderByDescending(p => p.Milliseconds)], GC.GetTotalPauseDuration() - totalBefore);
    }

    public void Dispose() => stop.Dispose();

    private async Task WatchAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var kind in Kinds)
            {
                var info = GC.GetGCMemoryInfo(kind);
                if (info.Index != seen[kind])
                {
                    // Collections between two looks are missed; the total below still counts them.
                    seen[kind] = info.Index;
                    pauses.Add((kind, info.Generation, info.PauseDurations.ToArray().Sum(p => p.TotalMilliseconds)));
                }
            }

            await Task.Delay(5, CancellationToken.None);
        }
    }
}
