namespace CrmAlliance.Api.Features.Placements;

public enum PlacementStatus
{
    Proposed,
    Approved,
    Active,
    Completed,
    EndedEarly,
}

/// <summary>Why an internship is held: every internship states one.</summary>
public enum InternshipPurpose
{
    Hiring,
    UpSkilling,
    Clarification,
}

/// <summary>The rules a consultant can record an exemption from, with a reason.</summary>
public enum PlacementRule
{
    RatioRule,
    AdditionalEmployment,
    MaximumDuration,
}

/// <summary>A candidate at a company in one offer kind, from proposal to end (forløb).</summary>
public sealed class Placement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CandidateId { get; set; }

    public Guid CompanyId { get; set; }

    public Guid WorkplaceId { get; set; }

    public Guid? VacancyId { get; set; }

    public OfferKind OfferKind { get; set; }

    public InternshipPurpose? Purpose { get; set; }

    public DateOnly PlannedStart { get; set; }

    public DateOnly PlannedEnd { get; set; }

    public DateOnly? ActualStart { get; set; }

    public DateOnly? ActualEnd { get; set; }

    public PlacementStatus Status { get; set; } = PlacementStatus.Proposed;

    public string? EndReason { get; set; }

    public EmployeeRepStatement? EmployeeRepStatement { get; set; }

    public WageSubsidyConfirmation? WageSubsidyConfirmation { get; set; }

    public List<RuleExemption> Exemptions { get; set; } = [];

    public required string ProposedBy { get; set; }

    /// <summary>The user id of the consultant who approved the placement; null until approved (and for placements approved before it was recorded).</summary>
    public string? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>The workplace's employee representative's statement: required before an internship or wage subsidy starts.</summary>
public sealed class EmployeeRepStatement
{
    public required string RepresentativeName { get; set; }

    public DateOnly GivenOn { get; set; }

    public bool IsPositive { get; set; }

    public string? Comment { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>The consultant's confirmation of additional employment (merbeskæftigelse) with the figures it rests on.</summary>
public sealed class WageSubsidyConfirmation
{
    public int HeadcountLastMonth { get; set; }

    public decimal AverageHeadcount12Months { get; set; }

    public bool NoDismissalWithin3Months { get; set; }

    public required string ConfirmedBy { get; set; }

    public DateTimeOffset ConfirmedAt { get; set; }
}

/// <summary>A consultant's recorded exemption from a rule, listed for management and the union side.</summary>
public sealed class RuleExemption
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlacementId { get; set; }

    public PlacementRule Rule { get; set; }

    public required string Reason { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
