namespace CrmAlliance.Api.Features.Pledges;

/// <summary>What a company promises for a period (partnerskabsaftale, tilsagn).</summary>
public sealed class Pledge
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public int OrdinaryJobs { get; set; }

    public int Internships { get; set; }

    public int WageSubsidyJobs { get; set; }

    public int AdultApprenticeships { get; set; }

    public int FlexJobs { get; set; }

    public int Mentors { get; set; }

    public List<TargetGroup> TargetGroups { get; set; } = [];

    public string? Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }

    /// <summary>Bumped by every update; an update made from an older read is refused.</summary>
    public int Version { get; set; } = 1;
}
