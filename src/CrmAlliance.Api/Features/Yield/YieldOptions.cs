using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmAlliance.Api.Features.Yield;

/// <summary>
/// The yield metric definitions (configuration section <c>Yield</c>). Defaults are the published definition
/// <see cref="DefaultVersion"/>; every report states <see cref="DefinitionLabel"/>, which includes a fingerprint
/// of the values in force, so a changed weight can never pass for the published definition.
/// </summary>
public sealed class YieldOptions
{
    public const string Section = "Yield";

    public const string DefaultVersion = "2026.1";

    /// <summary>The definition's name; bump it when the law or the alliance changes what is counted.</summary>
    public string DefinitionVersion { get; set; } = DefaultVersion;

    /// <summary>Target groups far from the labour market (reach): docs/domain.md names these four.</summary>
    public List<TargetGroup> FarFromMarketGroups { get; set; } =
        [TargetGroup.ActivityReadySocialAssistance, TargetGroup.ResourceProgramme, TargetGroup.FlexJobSeeker, TargetGroup.Integration];

    /// <summary>Offer kinds the samarbejdsgrad counts as company-directed effort.</summary>
    public List<OfferKind> CooperationKinds { get; set; } = [OfferKind.Internship, OfferKind.WageSubsidy, OfferKind.FlexJob, OfferKind.Mentor];

    /// <summary>Offer kinds whose ordinary-job endings count as conversion to an ordinary hire.</summary>
    public List<OfferKind> ConversionKinds { get; set; } = [OfferKind.Internship, OfferKind.WageSubsidy];

    public FreeLabourRiskOptions FreeLabourRisk { get; set; } = new();

    public YieldScoreOptions Score { get; set; } = new();

    /// <summary>Upper bounds (ordinary employees, inclusive) of the size bands; the last band is open.</summary>
    public List<int> SizeBandUpperBounds { get; set; } = [9, 49, 249];

    /// <summary>Counts from 1 to this minus 1 are suppressed in anything that leaves the jobcenter.</summary>
    public int SuppressionThreshold { get; set; } = 5;

    /// <summary>The definition name with the fingerprint of every value, e.g. "2026.1 (a1b2c3d4)".</summary>
    [JsonIgnore] // derived: serialising it into its own fingerprint would recurse without end
    public string DefinitionLabel => $"{DefinitionVersion} ({Fingerprint(this)})";

    /// <summary>
    /// The fingerprint of what the stored counts depend on (far-from-market groups, cooperation and conversion
    /// kinds, and the projection's own version): when it differs from the stored one, the read model is rebuilt.
    /// </summary>
    [JsonIgnore]
    public string ProjectionFingerprint =>
        Fingerprint(new { ProjectionVersion, FarFromMarketGroups, CooperationKinds, ConversionKinds });

    /// <summary>Bump when the projection's code changes what a stored count means.</summary>
    public const int ProjectionVersion = 1;

    private static string Fingerprint(object value)
    {
        var json = JsonSerializer.Serialize(value, FingerprintJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..8];
    }

    private static readonly JsonSerializerOptions FingerprintJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}

/// <summary>"Many internships, few hires": flagged when both hold for the period.</summary>
public sealed class FreeLabourRiskOptions
{
    /// <summary>At least this many internship and wage-subsidy placements ended with a recorded result …</summary>
    public int MinimumEndedPlacements { get; set; } = 5;

    /// <summary>… and fewer than this share of them became ordinary hires.</summary>
    public double MaximumHireRate { get; set; } = 0.2;
}

/// <summary>The yield score: weighted contributions per 100 ordinary employees.</summary>
public sealed class YieldScoreOptions
{
    public double PerPositionOffered { get; set; } = 0.5;

    public double PerPlacementStarted { get; set; } = 1;

    public double PerPlacementWeek { get; set; } = 0.1;

    /// <summary>Extra for a placement of a candidate far from the labour market.</summary>
    public double PerFarFromMarketPlacement { get; set; } = 1;

    /// <summary>A placement that ended in ordinary work, a flex job or education.</summary>
    public double PerOrdinaryWorkOrEducation { get; set; } = 2;

    /// <summary>A placement whose candidate was still self-supporting 6 months after.</summary>
    public double PerSelfSupportingAfter6Months { get; set; } = 3;

    /// <summary>Scores are per this many ordinary employees.</summary>
    public int PerEmployees { get; set; } = 100;

    /// <summary>Companies smaller than this count as this size, so one placement at a 1-person firm does not dwarf everyone.</summary>
    public int MinimumEmployees { get; set; } = 10;
}
