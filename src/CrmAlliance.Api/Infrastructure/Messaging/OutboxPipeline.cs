namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// The aggregates whose events one dispatcher is publishing, kept from round to round: a round starts the
/// aggregates that are ready and records the ones that have finished, without waiting for the slow ones (with the
/// in-memory bus a vacancy's events wait for matching, which can take seconds, while contacts and pledges take
/// milliseconds). An aggregate runs at most once at a time, so its events stay in order.
/// </summary>
public sealed class OutboxPipeline
{
    private readonly Dictionary<Guid, Task<PublishedRun>> running = [];
    private TaskCompletionSource anyFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whose claims in the outbox are this pipeline's.</summary>
    public Guid DispatcherId { get; } = Guid.NewGuid();

    public int Running
    {
        get
        {
            lock (running)
            {
                return running.Count;
            }
        }
    }

    /// <summary>The aggregates under way: their later rows wait.</summary>
    public List<Guid> RunningAggregates()
    {
        lock (running)
        {
            return [.. running.Keys];
        }
    }

    /// <summary>Completes when a run has finished since the last <see cref="Finished"/>.</summary>
    public Task AnyFinished
    {
        get
        {
            lock (running)
            {
                return anyFinished.Task;
            }
        }
    }

    public void Start(Guid aggregateId, Task<PublishedRun> run)
    {
        lock (running)
        {
            running.Add(aggregateId, run);
        }

        run.ContinueWith(_ => SignalFinished(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The runs that have finished; they stay in the pipeline (their aggregates busy) until <see cref="Forget"/>.</summary>
    public List<(Guid AggregateId, PublishedRun Run)> Finished()
    {
        lock (running)
        {
            if (anyFinished.Task.IsCompleted)
            {
                anyFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return [.. running.Where(r => r.Value.IsCompleted).Select(r => (r.Key, r.Value.Result))];
        }
    }

    /// <summary>Runs whose outcome is recorded: their aggregates may start again.</summary>
    public void Forget(IEnumerable<Guid> aggregateIds)
    {
        lock (running)
        {
            foreach (var aggregateId in aggregateIds)
            {
                running.Remove(aggregateId);
            }
        }
    }

    /// <summary>Waits for every run (publishes are cancelled when the host stops, so this is short).</summary>
    public async Task<List<(Guid AggregateId, PublishedRun Run)>> DrainAsync()
    {
        Task[] all;
        lock (running)
        {
            all = [.. running.Values];
        }

        await Task.WhenAll(all).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return Finished();
    }

    private void SignalFinished()
    {
        lock (running)
        {
            anyFinished.TrySetResult();
        }
    }
}

/// <summary>
/// One aggregate's run: the rows published (with a broker: confirmed; in memory: consumed), the failure that stopped
/// it, and the claimed rows behind the failure that were not tried.
/// </summary>
public sealed record PublishedRun(List<long> Sent, FailedAttempt? Failure, List<long> NotTried);

public sealed record FailedAttempt(OutboxMessage Row, string Error);
