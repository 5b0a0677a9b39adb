using CrmAlliance.Api.Features.Candidates.Import;

namespace CrmAlliance.Api.Features.Outcomes.Import;

/// <summary>One accepted line as read: the pairing it names and the observation it gives.</summary>
public sealed record ImportedOutcome(int Line, string CaseReference, Guid PlacementId, int MonthsAfterEnd, EndResult? EndResult, bool? SelfSupporting, DateOnly? ObservedOn);

/// <summary>
/// A line rejected with every problem found on it. <see cref="CaseReference"/> is null when the reference
/// itself was refused, so a CPR number is never echoed back; the key cells are null when unreadable.
/// </summary>
public sealed record OutcomeImportRejection(int Line, string? CaseReference, Guid? PlacementId, int? MonthsAfterEnd, IReadOnlyList<ImportLineError> Errors);

/// <summary>The file after reading: its accepted and rejected lines.</summary>
public sealed record OutcomeImportFile(char Separator, int LineCount, IReadOnlyList<ImportedOutcome> Lines, IReadOnlyList<OutcomeImportRejection> Rejections);
