namespace CrmAlliance.Api.Features.Yield.ReadModel;

/// <summary>The length of a cell's period.</summary>
public enum YieldGrain
{
    Month = 1,
    Quarter = 2,
    Year = 3,
}

/// <summary>
/// One cell of the yield read model: the counts of one company (or of the whole alliance, <see cref="AllianceId"/>)
/// for one month, quarter or year, for one offer kind and one target group (or all of them, <see cref="All"/>).
/// Which cells exist is decided by <c>YieldCells.KeysFor</c>: companies have month cells for every slice and
/// quarter and year cells for the whole (All/All); the alliance has every grain for every slice.
/// </summary>
public sealed class YieldCell : YieldCounts
{
    /// <summary>The company id that stands for the whole alliance.</summary>
    public static readonly Guid AllianceId = Guid.Empty;

    /// <summary>The slice value meaning "every offer kind" or "every target group".</summary>
    public const string All = "All";

    public Guid CompanyId { get; set; }

    public YieldGrain Grain { get; set; }

    /// <summary>The first month of the period as yyyymm (2025 → 202501, 2025-Q2 → 202504, March 2025 → 202503).</summary>
    public int PeriodStart { get; set; }

    /// <summary>An OfferKind name, or <see cref="All"/>.</summary>
    public required string OfferKind { get; set; }

    /// <summary>A TargetGroup name, or <see cref="All"/>.</summary>
    public required string TargetGroup { get; set; }

    /// <summary>Optimistic concurrency: two projections updating one cell at once cannot lose an update.</summary>
    public int Version { get; set; }
}
