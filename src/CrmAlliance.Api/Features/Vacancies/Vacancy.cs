namespace CrmAlliance.Api.Features.Vacancies;

public enum VacancyStatus
{
    Draft,
    Open,
    Filled,
    Closed,
    Expired,
}

/// <summary>An offer of one or more positions of one kind (stilling, jobordre).</summary>
public sealed class Vacancy
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    public Guid WorkplaceId { get; set; }

    public OfferKind OfferKind { get; set; }

    /// <summary>DISCO-08 code, 4–6 digits.</summary>
    public required string OccupationCode { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = "";

    public int Positions { get; set; } = 1;

    public decimal HoursPerWeek { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? ApplicationDeadline { get; set; }

    public List<string> RequiredSkills { get; set; } = [];

    public VacancyStatus Status { get; set; } = VacancyStatus.Draft;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public int Version { get; set; } = 1;
}
