namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>The outbox dispatcher's settings, section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Rows read per round, and the most aggregates under way at once (published concurrently, each in order).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the dispatcher looks without a signal (e.g. for rows another replica committed).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A publish that takes longer counts as failed and is retried later: MassTransit waits for a broker
    /// that is down instead of failing.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// With the in-memory bus a publish waits until the consumers have committed the event's effect; one that takes
    /// longer is published again later (consumers are idempotent).
    /// </summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first retry waits this long, doubling per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a dispatcher's claim on rows lasts if it dies before releasing them.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sent rows and inbox entries older than this are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan BackoffAfter(int attempts)
    {
        var exponent = Math.Min(attempts - 1, 16);
        var delay = FirstBackoff * Math.Pow(2, exponent);
        return delay < MaxBackoff ? delay : MaxBackoff;
    }
}
