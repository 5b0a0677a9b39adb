namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// Long-running background work an Admin watches beside the bus (e.g. the yield read model's rebuild), reported by
/// the feature that does it, so that the bus page and <c>backgroundWork</c> need know no feature.
/// </summary>
public interface IBackgroundWorkStatus
{
    /// <summary>The work under way, or null when none is.</summary>
    Task<BackgroundWorkView?> CurrentAsync(CancellationToken cancellationToken);
}

/// <param name="Kind">What runs, e.g. <c>YieldRebuild</c> (pages show <c>Admin.Bus.Work.{Kind}</c>).</param>
/// <param name="Phase">How far, e.g. <c>Cells</c> (pages show <c>Admin.Bus.Phase.{Phase}</c>).</param>
/// <param name="Done">Units done (e.g. placements), of <paramref name="Total"/>.</param>
/// <param name="UpdatedAt">When the worker last reported; it renews its lease with each report.</param>
public sealed record BackgroundWorkView(string Kind, string Phase, long Done, long Total, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>Units per second since the start.</summary>
    public double RatePerSecond => (UpdatedAt - StartedAt).TotalSeconds is var seconds and > 0 ? Done / seconds : 0;

    /// <summary>At the rate so far; null before there is a rate.</summary>
    public TimeSpan? TimeLeft => RatePerSecond > 0 ? TimeSpan.FromSeconds(Math.Max(0, Total - Done) / RatePerSecond) : null;

    public double Percent => Total > 0 ? 100.0 * Math.Min(Done, Total) / Total : 0;
}
