namespace CrmAlliance.Contracts;

/// <summary>A company's record or one of its workplaces changed (name, industry, membership, consultant, headcount).</summary>
public sealed record CompanyChanged(Guid CompanyId, DateTimeOffset ChangedAt);

/// <summary>A contact with a company was logged or changed.</summary>
public sealed record ContactLogged(Guid ContactLogId, Guid CompanyId, DateTimeOffset OccurredAt);

/// <summary>A pledge was recorded, changed or (<see cref="Removed"/>) removed.</summary>
public sealed record PledgeChanged(Guid PledgeId, Guid CompanyId, bool Removed, DateTimeOffset ChangedAt);
