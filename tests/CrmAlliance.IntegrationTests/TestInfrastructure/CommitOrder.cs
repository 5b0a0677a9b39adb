using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// Records, in the order their transactions commit, what each save changed — as labels a test chooses (e.g.
/// "approved P" or "employees 4"). SQLite lets one writer at a time hold the write lock from its first write to its
/// commit, so the order of the "committing" callbacks is the order of the commits: an oracle for race tests that
/// must know which of two writes came first.
/// </summary>
public sealed class CommitOrder(Func<EntityEntry, string?> label) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<string>> _pending = [];
    private readonly List<string> _committed = [];

    public IReadOnlyList<string> Committed
    {
        get
        {
            lock (_committed)
            {
                return [.. _committed];
            }
        }
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var labels = context.ChangeTracker.Entries().Select(label).OfType<string>().ToList();
            _pending.AddOrUpdate(context, labels);
        }

        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var labels))
        {
            lock (_committed)
            {
                _committed.AddRange(labels);
            }

            _pending.Remove(context);
        }

        return ValueTask.FromResult(result);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            _pending.Remove(context);
        }

        return Task.CompletedTask;
    }
}
