namespace CrmAlliance.Api.Features.Audit;

/// <summary>Section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Only for the benchmark's audit-off run (<c>--audit-cost</c>): false records nothing. Default true; switching it
    /// off in production would break the record the data-protection officer relies on.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the sealer looks for unsealed entries.</summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(1);
}
