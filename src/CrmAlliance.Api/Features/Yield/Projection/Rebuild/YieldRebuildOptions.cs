namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// How the aside rebuild shares SQLite's one write lock (section <c>Yield:Rebuild</c>): it writes in transactions
/// of about <see cref="LockHold"/>. Writers in the same process line up with it first come first served
/// (<c>SqliteWriterQueue</c>), so each gets the lock after at most one such transaction. Writers in other processes
/// (a command run beside the Api) only have SQLite's busy handler, which retries at most 100 ms apart: after
/// holding the lock for <see cref="HoldBeforePause"/> in all, the rebuild lets go for
/// <see cref="PauseBetweenTransactions"/>, so that they get in within about a second too.
/// </summary>
public sealed class YieldRebuildOptions
{
    public const string Section = "Yield:Rebuild";

    public TimeSpan LockHold { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan PauseBetweenTransactions { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The write lock held over consecutive transactions before the rebuild pauses for other processes.</summary>
    public TimeSpan HoldBeforePause { get; set; } = TimeSpan.FromMilliseconds(750);

    /// <summary>Rows the clean-up of the old tables deletes in its first statement; later ones are sized to take about <see cref="LockHold"/>.</summary>
    public int FirstTransactionRows { get; set; } = 2_000;

    /// <summary>Companies read and computed at a time; up to two chunks are in memory at once (being read or waiting, being written).</summary>
    public int CompaniesPerChunk { get; set; } = 125;

    /// <summary>
    /// PostgreSQL: how long the swap waits for a table's exclusive lock before it lets go and tries again (queries of
    /// that table queue behind its request meanwhile), and how often it tries; a deadlock with a projection writer is
    /// tried again too.
    /// </summary>
    public TimeSpan SwapLockTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public int SwapAttempts { get; set; } = 10;

    /// <summary>How often the background service looks whether the definitions changed (or a crashed rebuild's lease ran out).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
