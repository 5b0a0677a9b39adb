namespace CrmAlliance.Contracts;

// Enumerations travel as their names (e.g. "Internship", "FlexJobSeeker") so that consumers need no
// shared enum type and a new member does not break an old reader.

/// <summary>A vacancy was published (opened), with what matching needs to score candidates for it.</summary>
public sealed record VacancyPosted(
    Guid VacancyId,
    Guid CompanyId,
    Guid WorkplaceId,
    string WorkplacePostcode,
    string OfferKind,
    string OccupationCode,
    IReadOnlyList<string> RequiredSkills,
    int Positions,
    DateOnly StartDate,
    DateOnly? ApplicationDeadline,
    DateTimeOffset PostedAt);

/// <summary>An open vacancy's matching fields changed; matching scores it again.</summary>
public sealed record VacancyChanged(
    Guid VacancyId,
    Guid CompanyId,
    Guid WorkplaceId,
    string WorkplacePostcode,
    string OfferKind,
    string OccupationCode,
    IReadOnlyList<string> RequiredSkills,
    int Positions,
    DateOnly StartDate,
    DateOnly? ApplicationDeadline,
    DateTimeOffset ChangedAt);

/// <summary>A vacancy stopped taking candidates: filled, closed or expired (<see cref="Status"/>).</summary>
public sealed record VacancyClosed(Guid VacancyId, string Status, DateTimeOffset ClosedAt);

/// <summary>
/// Matching's proposal for a vacancy: the best candidates, best first. <see cref="VacancyAsOf"/> is the
/// time of the VacancyPosted or VacancyChanged it answers, so a late answer to an older version is ignored.
/// </summary>
public sealed record VacancyMatched(Guid VacancyId, IReadOnlyList<CandidateMatch> Matches, DateTimeOffset VacancyAsOf, DateTimeOffset MatchedAt);

/// <summary>
/// One proposed candidate with a score from 0 to 1 and a line a consultant understands (<see cref="Explanation"/>, in
/// English). <see cref="Reasons"/> holds the facts that line is made of, so a reader can say them in its user's language;
/// null from a sender that predates it.
/// </summary>
public sealed record CandidateMatch(Guid CandidateId, double Score, string Explanation, MatchReasons? Reasons = null);

/// <summary>
/// What a match's explanation says, as facts: how deep the candidate's sought occupation shares the vacancy's DISCO-08
/// code (<see cref="SharedOccupationLevel"/> 0 = not even the major group, 1 major, 2 sub-major, 3 minor, 4 unit group,
/// 5–6 the code's further digits), the required skills matched, the distance (null when the candidate's postcode has no
/// known centre; <see cref="WorkplacePostcodeKnown"/> false when the workplace's has none) and availability.
/// </summary>
public sealed record MatchReasons(
    string VacancyOccupation,
    int SharedOccupationLevel,
    int MatchedSkills,
    int RequiredSkills,
    string WorkplacePostcode,
    bool WorkplacePostcodeKnown,
    string CandidatePostcode,
    double? DistanceKm,
    DateOnly AvailableFrom,
    DateOnly VacancyStart);
