using CrmAlliance.Api.Infrastructure.Data;
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
/// Group commit for the projection: the refreshes asked for while one batch is being written are written
/// together in the next one, one transaction (one disk flush) for all, each row re-derived once however many
/// events named it. A caller returns when its refresh is committed, so a consumer still acknowledges a message
/// only after its effect. If a batch fails, its refreshes are written one by one, so only a failing one fails.
/// </summary>
public sealed class YieldRefreshBatcher(IServiceScopeFactory scopes, ILogger<YieldRefreshBatcher> logger)
{
    private readonly Lock gate = new();
    private int writing;
    private List<(YieldRefresh Refresh, TaskCompletionSource Done)> pending = [];

    public async Task RefreshAsync(YieldRefresh refresh, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            pending.Add((refresh, done));
        }

        await WriteWhileRefreshesWaitAsync();
        await done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The caller that gets the writer writes every waiting batch; the others wait for theirs. Re-checking after
    /// releasing the writer means a refresh added meanwhile is never left without a writer.
    /// </summary>
    private async Task WriteWhileRefreshesWaitAsync()
    {
        while (true)
        {
            if (Interlocked.CompareExchange(ref writing, 1, 0) != 0)
            {
                return;
            }

            try
            {
                while (TakeBatch() is { Count: > 0 } batch)
                {
                    await WriteAsync(batch);
                }
            }
            finally
            {
                Volatile.Write(ref writing, 0);
            }

            lock (gate)
            {
                if (pending.Count == 0)
                {
                    return;
                }
            }
        }
    }

    private List<(YieldRefresh Refresh, TaskCompletionSource Done)> TakeBatch()
    {
        lock (gate)
        {
            var batch = pending;
            pending = [];
            return batch;
        }
    }

    private async Task WriteAsync(List<(YieldRefresh Refresh, TaskCompletionSource Done)> batch)
    {
        try
        {
            await WriteInOneTransactionAsync(batch.Select(b => b.Refresh).Distinct().ToList());
            batch.ForEach(b => b.Done.TrySetResult());
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            logger.LogInformation(ex, "A batch of {Count} yield refreshes failed; writing them one by one.", batch.Count);
            foreach (var (refresh, done) in batch)
            {
                await WriteAlone(refresh, done);
            }
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
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
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var projector = scope.ServiceProvider.GetRequiredService<YieldProjector>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var placements = Ids(refreshes, YieldRefreshKind.Placement);
        if (placements.Count > 0)
        {
            await projector.RefreshPlacementsAsync(placements, CancellationToken.None);
        }

        foreach (var refresh in refreshes)
        {
            await (refresh.Kind switch
            {
                YieldRefreshKind.PlacementsOfCandidate => projector.RefreshPlacementsOfCandidateAsync(refresh.Id, CancellationToken.None),
                YieldRefreshKind.Vacancy => projector.RefreshVacancyAsync(refresh.Id, CancellationToken.None),
                YieldRefreshKind.Contact => projector.RefreshContactAsync(refresh.Id, CancellationToken.None),
                YieldRefreshKind.Pledge => projector.RefreshPledgeAsync(refresh.Id, CancellationToken.None),
                YieldRefreshKind.Company => projector.RefreshCompanyAsync(refresh.Id, CancellationToken.None),
                _ => Task.CompletedTask,
            });
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    private static List<Guid> Ids(List<YieldRefresh> refreshes, YieldRefreshKind kind)
        => refreshes.Where(r => r.Kind == kind).Select(r => r.Id).ToList();
}
