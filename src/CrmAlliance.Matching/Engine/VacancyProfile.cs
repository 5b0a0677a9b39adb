namespace CrmAlliance.Matching.Engine;

/// <summary>What matching needs of a vacancy: the fields of <c>VacancyPosted</c>/<c>VacancyChanged</c>.</summary>
public sealed record VacancyProfile(
    Guid VacancyId,
    string OfferKind,
    string OccupationCode,
    IReadOnlyList<string> RequiredSkills,
    string WorkplacePostcode,
    DateOnly StartDate);
