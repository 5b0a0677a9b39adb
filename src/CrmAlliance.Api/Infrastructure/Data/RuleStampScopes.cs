namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>The scopes of <see cref="RuleStamp"/>: which rule's capacity the owner row stands for.</summary>
public static class RuleStampScopes
{
    /// <summary>A workplace's internship/wage-subsidy places (the ratio rule); owner: the workplace.</summary>
    public const string WorkplacePlaces = "WorkplacePlaces";

    /// <summary>A candidate's live placements (one at a time); owner: the candidate.</summary>
    public const string CandidatePlacements = "CandidatePlacements";

    /// <summary>A company's pledge periods (no two overlap); owner: the company.</summary>
    public const string CompanyPledges = "CompanyPledges";

    /// <summary>A vacancy's current round of match suggestions (one at a time); owner: the vacancy.</summary>
    public const string VacancySuggestions = "VacancySuggestions";
}
