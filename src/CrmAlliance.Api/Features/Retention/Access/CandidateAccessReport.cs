namespace CrmAlliance.Api.Features.Retention.Access;

/// <summary>
/// Everything held on one case reference, for a citizen's right of access (GDPR art. 15): the candidate's attributes,
/// their placements with outcomes, matching's suggestions and (once the audit trail exists) the audit entries about them.
/// Pledges are the companies', not the citizen's, and are not part of it.
/// </summary>
public sealed record CandidateAccessReport(
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    CandidateAccessAttributes Candidate,
    IReadOnlyList<CandidateAccessPlacement> Placements,
    IReadOnlyList<CandidateAccessMatch> MatchSuggestions,
    IReadOnlyList<CandidateAuditEntry> AuditEntries);

public sealed record CandidateAccessAttributes(
    Guid Id,
    string CaseReference,
    string DisplayAlias,
    string TargetGroup,
    IReadOnlyList<string> SoughtOccupations,
    IReadOnlyList<string> Skills,
    string EducationLevel,
    bool HasWorkExperience,
    string Postcode,
    DateOnly AvailableFrom,
    string? LastEmployerCvr,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason,
    DateTimeOffset? ErasedAt);

public sealed record CandidateAccessPlacement(
    Guid Id,
    string CompanyName,
    string CompanyCvr,
    string WorkplaceName,
    string OfferKind,
    string? Purpose,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    DateOnly? ActualStart,
    DateOnly? ActualEnd,
    string Status,
    string? EndReason,
    CandidateAccessStatement? EmployeeRepStatement,
    IReadOnlyList<CandidateAccessExemption> Exemptions,
    IReadOnlyList<CandidateAccessOutcome> Outcomes,
    DateTimeOffset CreatedAt);

public sealed record CandidateAccessStatement(string RepresentativeName, DateOnly GivenOn, bool IsPositive, string? Comment);

public sealed record CandidateAccessExemption(string Rule, string Reason, DateTimeOffset RecordedAt);

public sealed record CandidateAccessOutcome(int MonthsAfterEnd, string? EndResult, bool? SelfSupporting, DateOnly? ObservedOn, DateTimeOffset RecordedAt, string Source);

public sealed record CandidateAccessMatch(
    string VacancyTitle,
    string CompanyName,
    int Rank,
    double Score,
    string Explanation,
    string Status,
    DateTimeOffset MatchedAt,
    DateTimeOffset? DecidedAt,
    string? DismissReason);

/// <summary>One audit entry about the candidate, as the access report shows it.</summary>
public sealed record CandidateAuditEntry(DateTimeOffset At, string User, string Action, string Entity, string? Details);

/// <summary>The audit entries about one candidate for the access report (read from the audit trail, <c>Features/Audit</c>).</summary>
public interface ICandidateAuditEntries
{
    Task<IReadOnlyList<CandidateAuditEntry>> ForCandidateAsync(Guid candidateId, CancellationToken cancellationToken);
}
