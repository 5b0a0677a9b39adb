namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// Raises the thread pool's minimum by the threads a rebuild keeps busy, for as long as it runs. SQLite's calls do not
/// let their thread go while they work, so the rebuild's reader and writer hold two pool threads for a minute or
/// more; on two cores that was the whole minimum, and the pool added a thread for waiting requests only about every
/// half second: during a rebuild under load, <c>logContact</c>'s p99 was 1.2 s and the ranking's 0.8 s although no
/// writer waited more than 0.5 s for the lock; with the threads reserved, 0.53 s and 0.09 s (issue 13's note).
/// </summary>
public sealed class ThreadPoolReserve : IDisposable
{
    private static readonly Lock Gate = new();
    private static int reserved;
    private static int baseline;

    private readonly int threads;
    private bool released;

    public ThreadPoolReserve(int threads)
    {
        this.threads = threads;
        lock (Gate)
        {
            ThreadPool.GetMinThreads(out var workers, out _);
            if (reserved == 0)
            {
                baseline = workers;
            }

            reserved += threads;
            Apply();
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (released)
            {
                return;
            }

            released = true;
            reserved -= threads;
            Apply();
        }
    }

    private static void Apply()
    {
        ThreadPool.GetMinThreads(out _, out var completionPorts);
        ThreadPool.SetMinThreads(baseline + reserved, completionPorts);
    }
}
