namespace CrmAlliance.Api.Features.Candidates;

public enum EducationLevel
{
    Primary,
    UpperSecondary,
    Vocational,
    ShortCycleHigher,
    Bachelor,
    MasterOrHigher,
}

/// <summary>A citizen in the jobcenter's pool, held pseudonymously: a case-system reference, never a CPR number.</summary>
public sealed class Candidate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string CaseReference { get; set; }

    /// <summary>What company users see instead of the reference, e.g. "Kandidat 7F3A".</summary>
    public required string DisplayAlias { get; set; }

    public TargetGroup TargetGroup { get; set; }

    public List<string> SoughtOccupations { get; set; } = [];

    public List<string> Skills { get; set; } = [];

    public EducationLevel EducationLevel { get; set; }

    public bool HasWorkExperience { get; set; } = true;

    public required string Postcode { get; set; }

    public DateOnly AvailableFrom { get; set; }

    public string? LastEmployerCvr { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the matching attributes last changed: matching's index keeps the newest by this.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when the candidate left the pool (e.g. found work on their own); matching forgets them.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawalReason { get; set; }

    /// <summary>
    /// Set when the retention period erased the candidate's personal attributes (Features/Retention): the case reference is
    /// then an anonymous key and the other attributes neutral values, kept only so that placements and yield still add up.
    /// </summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public int Version { get; set; } = 1;
}
