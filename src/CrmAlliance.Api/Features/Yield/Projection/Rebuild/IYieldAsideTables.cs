namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// The read model's tables built aside (<c>Yield*__next</c>) and swapped in, per database: SQLite
/// (<see cref="YieldShadowTables"/>) and PostgreSQL (<see cref="PostgresAsideTables"/>). SQL Server still rebuilds in
/// place (<see cref="YieldInPlaceRebuild"/>).
/// </summary>
public interface IYieldAsideTables
{
    /// <summary>Whether the rebuild's write transactions keep every other writer waiting (SQLite's one write lock), so the rebuild pauses now and then for them.</summary>
    bool WritesBlockOtherWriters { get; }

    /// <summary>The longest one statement of the clean-up held a lock other writers wait for.</summary>
    TimeSpan LongestCleanupHold { get; }

    /// <summary>Drops what an earlier, interrupted rebuild left and creates empty aside tables like the live ones.</summary>
    Task CreateAsync(YieldRebuildOptions options, CancellationToken cancellationToken);

    /// <summary>Drops the aside tables (a failed or cancelled rebuild): the live ones were never touched.</summary>
    Task DropAsync(YieldRebuildOptions options, CancellationToken cancellationToken);

    /// <summary>Whether each commit waits until it is on disk: not for the aside rows (a rebuild cut short starts afresh), yes for the swap.</summary>
    Task DurableCommitsAsync(bool durable, CancellationToken cancellationToken);

    /// <summary>After each of the rebuild's transactions: what the database needs done outside its lock (SQLite copies its log).</summary>
    Task CheckpointAsync(CancellationToken cancellationToken);

    /// <summary>Gives the pooled connection its usual settings back.</summary>
    Task ResetConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the live tables with the aside ones; call inside the swap's transaction.</summary>
    Task SwapInAsync(YieldRebuildOptions options, CancellationToken cancellationToken);

    /// <summary>Whether the swap failed only for a lock it could not get in time or a deadlock, so it may be tried again.</summary>
    bool IsLockConflict(Exception exception);

    /// <summary>Removes the old tables of the last swap, if the swap left any.</summary>
    Task DropRetiredAsync(YieldRebuildOptions options, CancellationToken cancellationToken);
}
