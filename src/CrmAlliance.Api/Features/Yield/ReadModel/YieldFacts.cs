namespace CrmAlliance.Api.Features.Yield.ReadModel;

/// <summary>
/// A company as the yield reports slice it, derived from the company and its workplaces.
/// Reports join cells to this small table instead of to the raw company tables.
/// </summary>
public sealed class YieldCompany
{
    public Guid CompanyId { get; set; }

    public required string Name { get; set; }

    public required string Cvr { get; set; }

    public required string IndustryCode { get; set; }

    /// <summary>The DB07/NACE section letter (A–U), or "?" when the code is unknown.</summary>
    public required string IndustrySection { get; set; }

    /// <summary>Ordinary employees over all workplaces (the score's size basis).</summary>
    public int OrdinaryEmployees { get; set; }

    public required string MembershipStatus { get; set; }

    public DateOnly? JoinedOn { get; set; }

    public string? ResponsibleConsultantId { get; set; }

    public int Version { get; set; }
}

/// <summary>A placement that actually started, as the yield counts it: the rows behind placement figures.</summary>
public sealed class YieldPlacementFact
{
    public Guid PlacementId { get; set; }

    public Guid CompanyId { get; set; }

    public Guid? VacancyId { get; set; }

    public required string OfferKind { get; set; }

    public required string TargetGroup { get; set; }

    public DateOnly StartedOn { get; set; }

    /// <summary>Null while the placement runs.</summary>
    public DateOnly? EndedOn { get; set; }

    public bool EndedEarly { get; set; }

    /// <summary>The recorded end result (EndResult name), if any.</summary>
    public string? EndResult { get; set; }

    public bool? SelfSupporting1 { get; set; }

    public bool? SelfSupporting3 { get; set; }

    public bool? SelfSupporting6 { get; set; }

    public bool? SelfSupporting12 { get; set; }

    public int Version { get; set; }
}

/// <summary>A published vacancy: the rows behind "offered".</summary>
public sealed class YieldVacancyFact
{
    public Guid VacancyId { get; set; }

    public Guid CompanyId { get; set; }

    public required string OfferKind { get; set; }

    public int Positions { get; set; }

    /// <summary>The Danish calendar day it was first published.</summary>
    public DateOnly PostedOn { get; set; }

    public int Version { get; set; }
}

/// <summary>A logged contact: the rows behind "effort".</summary>
public sealed class YieldContactFact
{
    public Guid ContactLogId { get; set; }

    public Guid CompanyId { get; set; }

    /// <summary>The Danish calendar day of the contact.</summary>
    public DateOnly OccurredOn { get; set; }

    public int Version { get; set; }
}

/// <summary>A pledge: the rows behind "pledged".</summary>
public sealed class YieldPledgeFact
{
    public Guid PledgeId { get; set; }

    public Guid CompanyId { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public int OrdinaryJobs { get; set; }

    public int Internships { get; set; }

    public int WageSubsidyJobs { get; set; }

    public int AdultApprenticeships { get; set; }

    public int FlexJobs { get; set; }

    public int Mentors { get; set; }

    public int Version { get; set; }

    /// <summary>Positions promised of one offer kind (its name), or of every kind (<see cref="YieldCell.All"/>).</summary>
    public int Positions(string offerKind) => offerKind switch
    {
        nameof(OfferKind.OrdinaryJob) => OrdinaryJobs,
        nameof(OfferKind.Internship) => Internships,
        nameof(OfferKind.WageSubsidy) => WageSubsidyJobs,
        nameof(OfferKind.AdultApprenticeship) => AdultApprenticeships,
        nameof(OfferKind.FlexJob) => FlexJobs,
        nameof(OfferKind.Mentor) => Mentors,
        YieldCell.All => OrdinaryJobs + Internships + WageSubsidyJobs + AdultApprenticeships + FlexJobs + Mentors,
        _ => 0,
    };

    /// <summary>The positions of <paramref name="offerKind"/> pledged for <paramref name="first"/>–<paramref name="last"/>, pro-rated by days, exactly.</summary>
    public PledgedPositions PledgedIn(DateOnly first, DateOnly last, string offerKind)
        => PledgedPositions.Share(Positions(offerKind), PeriodStart, PeriodEnd, first, last);
}

/// <summary>The read model's single state row.</summary>
public sealed class YieldState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Running placements' days are booked up to and including this day.</summary>
    public DateOnly DaysBookedThrough { get; set; }

    /// <summary>The fingerprint of the definitions the stored counts were computed with; a different one means rebuild.</summary>
    public required string ProjectionFingerprint { get; set; }

    public DateTimeOffset RebuiltAt { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// A company whose cells or dimensions changed in a version of the read model (the <see cref="YieldState.Version"/>
/// of the save that changed them, written in the same save). Reports that read every member keep their per-company
/// totals in memory and re-read only the companies changed since, instead of everything after every event. Old
/// versions are pruned (<see cref="RetainedVersions"/>); a rebuild starts the log afresh.
/// </summary>
public sealed class YieldChange
{
    /// <summary>Versions kept: a reader further behind than half of this reads everything afresh.</summary>
    public const int RetainedVersions = 2_000;

    public int Version { get; set; }

    public Guid CompanyId { get; set; }
}
