namespace CrmAlliance.Api.Features.ContactLogs;

public enum ContactChannel
{
    Visit,
    Phone,
    Email,
    Meeting,
    Event,
}

/// <summary>One logged contact with a company (virksomhedskontakt).</summary>
public sealed class ContactLog
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    public required string ConsultantId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public ContactChannel Channel { get; set; }

    public required string Summary { get; set; }

    public string? Outcome { get; set; }

    public DateOnly? FollowUpOn { get; set; }

    public bool FollowUpDone { get; set; }
}
