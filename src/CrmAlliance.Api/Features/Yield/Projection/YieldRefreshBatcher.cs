using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>What one event asks the projection to re-derive.</summary>
public enum YieldRefreshKind
{
    Placement,
    PlacementsOfCandidate,
    Vacancy,
    Contact,
    Pledge,
    Company,
}

public readonly record struct YieldRefresh(YieldRefreshKind Kind, Guid Id);

/// <summary>
/// Group commit for the projection: one writer loop takes every refresh that waits (up to <see cref="MaxBatch"/>)
/// and writes them in one transaction with set-based queries (<see cref="YieldProjector.RefreshAsync"/>), each row
/// re-derived once however many events named it; refreshes asked for meanwhile form the next batch. A caller returns
/// when its refresh is committed, so a consumer still acknowledges a message only after its effect. A batch that
/// lost a race with another replica's (the read model's version moved, or both inserted one cell) is derived again
/// from what the winner wrote, a few times, before the bus's retry sees it; a batch that fails otherwise is written
/// one by one, so only a failing refresh fails.
/// </summary>
/// <remarks>
/// The loop is its own task rather than the first caller's: SQLite's provider works synchronously, and a consumer's
/// thread busy writing kept the other consumers from even arriving, so every batch had one refresh.
/// </remarks>
public sealed class YieldRefreshBatcher : IAsyncDisposable
{
    public const int MaxBatch = 256;

    /// <summary>Tries of one batch that loses races with other replicas' batches (seen: two replicas under load).</summary>
    private const int RaceAttempts = 5;

    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<YieldRefreshBatcher> logger;
    private readonly Channel<(YieldRefresh Refresh, TaskCompletionSource Done)> waiting =
        Channel.CreateUnbounded<(YieldRefresh, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task writer;

    public YieldRefreshBatcher(IServiceScopeFactory scopes, ILogger<YieldRefreshBatcher> logger)
    {
        this.scopes = scopes;
        this.logger = logger;
        writer = Task.Run(WriteWhileRefreshesComeAsync);
    }

    public async Task RefreshAsync(YieldRefresh refresh, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!waiting.Writer.TryWrite((refresh, done)))
        {
            throw new OperationCanceledException("The yield projection is stopping.");
        }

        await done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        waiting.Writer.TryComplete();
        await writer;
    }

    private async Task WriteWhileRefreshesComeAsync()
    {
        var batch = new List<(YieldRefresh Refresh, TaskCompletionSource Done)>(MaxBatch);
        while (await waiting.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && waiting.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<(YieldRefresh Refresh, TaskCompletionSource Done)> batch)
    {
        var refreshes = batch.Select(b => b.Refresh).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteInOneTransactionAsync(refreshes);
                batch.ForEach(b => b.Done.TrySetResult());
                return;
            }
            catch (DbUpdateException ex) when (attempt < RaceAttempts)
            {
                // Every batch touches the alliance's cells and the version, so two replicas' batches meet often; the
                // loser derives its rows again from the winner's. Without this, each lost race was a bus retry (a
                // warning with a stack trace) per message of the batch.
                logger.LogDebug(ex, "A batch of {Count} yield refreshes lost a race with another writer; deriving it again (try {Attempt}).", batch.Count, attempt + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt));
            }
            catch (Exception ex) when (batch.Count > 1)
            {
                logger.LogInformation(ex, "A batch of {Count} yield refreshes failed; writing them one by one.", batch.Count);
                foreach (var (refresh, done) in batch)
                {
                    await WriteAlone(refresh, done);
                }

                return;
            }
            catch (Exception ex)
            {
                batch[0].Done.TrySetException(ex);
                return;
            }
        }
    }

    private async Task WriteAlone(YieldRefresh refresh, TaskCompletionSource done)
    {
        try
        {
            await WriteInOneTransactionAsync([refresh]);
            done.TrySetResult();
        }
        catch (Exception ex)
        {
            done.TrySetException(ex);
        }
    }

    private async Task WriteInOneTransactionAsync(List<YieldRefresh> refreshes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var projector = scope.ServiceProvider.GetRequiredService<YieldProjector>();
        await projector.RefreshAsync(refreshes, CancellationToken.None);
    }
}
