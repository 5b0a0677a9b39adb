namespace CrmAlliance.Matching.Engine;

/// <summary>
/// What matching knows of a candidate: the fields of <c>CandidateRegistered</c>/<c>CandidateChanged</c>.
/// <paramref name="AsOf"/> is the event's time; the index keeps only the newest state per candidate.
/// </summary>
public sealed record CandidateProfile(
    Guid CandidateId,
    string TargetGroup,
    IReadOnlyList<string> SoughtOccupations,
    IReadOnlyList<string> Skills,
    string EducationLevel,
    string Postcode,
    DateOnly AvailableFrom,
    DateTimeOffset AsOf);

/// <summary>What matching needs of a vacancy: the fields of <c>VacancyPosted</c>/<c>VacancyChanged</c>.</summary>
public sealed record VacancyProfile(
    Guid VacancyId,
    string OfferKind,
    string OccupationCode,
    IReadOnlyList<string> RequiredSkills,
    string WorkplacePostcode,
    DateOnly StartDate);
