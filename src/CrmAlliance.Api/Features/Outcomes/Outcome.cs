namespace CrmAlliance.Api.Features.Outcomes;

/// <summary>How a placement ended (udslusning).</summary>
public enum EndResult
{
    OrdinaryJob,
    FlexJob,
    Education,
    BackOnBenefits,
    DroppedOut,
}

/// <summary>
/// One outcome observation of a placement: at its end (<see cref="MonthsAfterEnd"/> = 0, with
/// <see cref="EndResult"/>) or a follow-up 1, 3, 6 or 12 months after (with <see cref="SelfSupporting"/>).
/// </summary>
public sealed class Outcome
{
    public static readonly int[] FollowUpMonths = [1, 3, 6, 12];

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlacementId { get; set; }

    public int MonthsAfterEnd { get; set; }

    public EndResult? EndResult { get; set; }

    public bool? SelfSupporting { get; set; }

    /// <summary>The day the source observed it (a register's reference date), when the source says; null for a consultant's.</summary>
    public DateOnly? ObservedOn { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }

    /// <summary>Where the figure came from: "consultant" or the name of an import.</summary>
    public required string Source { get; set; }
}
