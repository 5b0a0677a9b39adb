namespace CrmAlliance.Api.Features.Yield.ReadModel;

/// <summary>
/// The rebuild under way, if any (one row at most): the lease that lets only one replica rebuild, and its progress
/// for the admin page. While it exists the projection keeps the live tables current and also notes every refresh
/// in <see cref="YieldRebuildBacklog"/>, which the swap replays onto the rebuilt tables.
/// </summary>
public sealed class YieldRebuildRun
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>The fingerprint of the definitions being built.</summary>
    public required string ProjectionFingerprint { get; set; }

    /// <summary>Running placements' days are booked through this day in the rebuilt tables.</summary>
    public DateOnly BookThrough { get; set; }

    /// <summary>Who holds the lease (machine and process); another replica takes over only once it has expired.</summary>
    public required string LeaseHolder { get; set; }

    public DateTimeOffset LeaseExpiresAt { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>A <see cref="YieldRebuildPhase"/> name.</summary>
    public required string Phase { get; set; }

    public long Done { get; set; }

    public long Total { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>What a rebuild is doing: reading and computing companies' cells aside, then swapping them in.</summary>
public enum YieldRebuildPhase
{
    Preparing,
    Companies,
    Cells,
    Swapping,
}

/// <summary>A refresh the projection applied to the live tables while a rebuild ran: replayed onto the rebuilt tables at the swap.</summary>
public sealed class YieldRebuildBacklog
{
    public long Id { get; set; }

    /// <summary>A <c>YieldRefreshKind</c> value.</summary>
    public int Kind { get; set; }

    public Guid RowId { get; set; }
}
