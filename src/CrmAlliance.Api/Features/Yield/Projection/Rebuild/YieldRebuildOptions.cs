namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// How the aside rebuild shares SQLite's one write lock (section <c>Yield:Rebuild</c>): it writes in transactions
/// of about <see cref="LockHold"/> and then lets go for <see cref="PauseBetweenTransactions"/>. SQLite's busy
/// handler retries a waiting writer at most 100 ms apart, so a pause of 100 ms lets every waiting writer in.
/// </summary>
public sealed class YieldRebuildOptions
{
    public const string Section = "Yield:Rebuild";

    public TimeSpan LockHold { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan PauseBetweenTransactions { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Rows in the first transaction; later ones are sized to take about <see cref="LockHold"/>.</summary>
    public int FirstTransactionRows { get; set; } = 2_000;

    /// <summary>Companies read and computed at a time (bounds memory, as before).</summary>
    public int CompaniesPerChunk { get; set; } = 250;

    /// <summary>How often the background service looks whether the definitions changed (or a crashed rebuild's lease ran out).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
