using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Candidates.Import;

/// <summary>One line's candidate as read, in the shape registration checks; <see cref="Skills"/> is null when the file has no skills column.</summary>
public sealed record ImportedCandidate(
    string CaseReference,
    TargetGroup TargetGroup,
    IReadOnlyList<string> SoughtOccupations,
    IReadOnlyList<string>? Skills,
    EducationLevel EducationLevel,
    bool HasWorkExperience,
    string Postcode,
    DateOnly AvailableFrom,
    string? LastEmployerCvr) : ICandidateDetails;

/// <summary>One accepted line: its number in the file (the header is line 1), the candidate as read and as checked.</summary>
public sealed record CandidateImportLine(int Line, ImportedCandidate Candidate, CheckedCandidateDetails Checked);

/// <summary>A problem with one column of a line, named as in the file's documentation (or <c>line</c>).</summary>
public sealed record ImportLineError(string Field, RefusalText Text)
{
    /// <summary>The English text, as GraphQL gives it; pages render <see cref="Text"/> in the user's language.</summary>
    public string Reason => Refusals.Describe(Text, Refusals.English);
}


/// <summary>
/// A rejected line with every problem found on it. <see cref="CaseReference"/> is null when the reference
/// itself was refused, so a CPR number is never echoed back.
/// </summary>
public sealed record CandidateImportRejection(int Line, string? CaseReference, IReadOnlyList<ImportLineError> Errors);

/// <summary>
/// The file after reading: its accepted and rejected lines, and which optional columns it has (a known
/// candidate keeps what the file has no column for).
/// </summary>
public sealed record CandidateImportFile(
    char Separator,
    int LineCount,
    bool HasSkillsColumn,
    bool HasLastEmployerCvrColumn,
    IReadOnlyList<CandidateImportLine> Lines,
    IReadOnlyList<CandidateImportRejection> Rejections);
