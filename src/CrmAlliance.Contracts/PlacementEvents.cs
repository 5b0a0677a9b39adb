namespace CrmAlliance.Contracts;

/// <summary>A placement started: the candidate is taken up by the company.</summary>
public sealed record PlacementStarted(
    Guid PlacementId,
    Guid CandidateId,
    Guid CompanyId,
    Guid WorkplaceId,
    Guid? VacancyId,
    string OfferKind,
    string TargetGroup,
    DateOnly StartedOn,
    DateOnly PlannedEnd);

/// <summary>A placement ended: <see cref="Status"/> is Completed or EndedEarly.</summary>
public sealed record PlacementEnded(Guid PlacementId, Guid CompanyId, string OfferKind, string Status, DateOnly StartedOn, DateOnly EndedOn);

/// <summary>
/// An outcome of a placement was recorded: at its end (<see cref="MonthsAfterEnd"/> 0, with
/// <see cref="EndResult"/>) or a follow-up 1, 3, 6 or 12 months after (with <see cref="SelfSupporting"/>).
/// A register import that corrects a recorded outcome sends it again for the same placement and point with
/// the new values: a consumer keeps the latest per (placement, point), or re-reads the placement's outcomes
/// as the yield projection does.
/// </summary>
public sealed record OutcomeRecorded(Guid PlacementId, Guid CompanyId, int MonthsAfterEnd, string? EndResult, bool? SelfSupporting, DateTimeOffset RecordedAt);
