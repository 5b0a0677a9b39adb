using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>Wakes the dispatcher right after a commit that wrote events, so it need not wait for its next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim pending = new(0, 1);

    public void Notify()
    {
        try
        {
            pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the dispatcher will look once and see every committed row.
        }
    }

    public void Dispose() => pending.Dispose();

    /// <summary>True when signalled, false when the poll interval passed.</summary>
    public Task<bool> WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) => pending.WaitAsync(pollInterval, cancellationToken);

    /// <summary>
    /// Until signalled, the poll interval passed, <paramref name="orUntil"/> completed or cancelled. A wait given up
    /// takes no signal with it, so the next wait still sees a commit that came meanwhile.
    /// </summary>
    public async Task WaitAsync(TimeSpan pollInterval, Task orUntil, CancellationToken cancellationToken)
    {
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = pending.WaitAsync(pollInterval, stopWaiting.Token);
        await Task.WhenAny(signalled, orUntil);
        await stopWaiting.CancelAsync();
        await ((Task)signalled).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}

/// <summary>
/// Signals the dispatcher after a save that added outbox rows is committed: at once for a save in its
/// own transaction, at the commit for a save inside an explicit transaction (e.g. an import).
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object AddsEvents = new();

    // The interceptor is a singleton shared by all contexts, so what it remembers is keyed by context:
    // contexts now saving outbox rows, and contexts that saved some inside a transaction not yet committed.
    private readonly ConditionalWeakTable<DbContext, object> addingEvents = [];
    private readonly ConditionalWeakTable<DbContext, object> pendingInTransaction = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            addingEvents.AddOrUpdate(context, AddsEvents);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !addingEvents.Remove(context))
        {
            return;
        }

        if (context.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
        else
        {
            pendingInTransaction.AddOrUpdate(context, AddsEvents);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && pendingInTransaction.Remove(context))
        {
            signal.Notify();
        }
    }
}
