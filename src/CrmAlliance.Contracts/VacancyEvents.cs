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

/// <summary>One proposed candidate with a score from 0 to 1 and a line a consultant understands.</summary>
public sealed record CandidateMatch(Guid CandidateId, double Score, string Explanation);
