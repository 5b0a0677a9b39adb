namespace CrmAlliance.Api.Features.Companies;

public enum Sector
{
    Private,
    Public,
}

public enum MembershipStatus
{
    Prospect,
    Active,
    Paused,
    Left,
}

/// <summary>A legal unit (virksomhed) identified by its CVR number.</summary>
public sealed class Company
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Cvr { get; set; }

    public required string Name { get; set; }

    /// <summary>DB07 code, 6 digits.</summary>
    public required string IndustryCode { get; set; }

    public required string Address { get; set; }

    public required string Postcode { get; set; }

    public Sector Sector { get; set; }

    public MembershipStatus MembershipStatus { get; set; } = MembershipStatus.Prospect;

    public DateOnly? JoinedOn { get; set; }

    public string? ResponsibleConsultantId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Optimistic concurrency: clients send the version they read; a stale one is refused.</summary>
    public int Version { get; set; } = 1;

    public List<Workplace> Workplaces { get; set; } = [];

    public List<CompanyContact> Contacts { get; set; } = [];
}

/// <summary>A production unit (produktionsenhed) identified by its P-number; the ratio rule counts staff here.</summary>
public sealed class Workplace
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    public required string PNumber { get; set; }

    public required string Name { get; set; }

    public required string Address { get; set; }

    public required string Postcode { get; set; }

    /// <summary>Ordinary employees as the ratio rule counts them (no subsidised, fixed-term or project staff).</summary>
    public int OrdinaryEmployees { get; set; }

    /// <summary>The month the headcount was reported (first day of the month).</summary>
    public DateOnly EmployeesReportedFor { get; set; }

    /// <summary>Average ordinary headcount over the 12 months before the reported month (wage-subsidy rule).</summary>
    public decimal AverageEmployees12Months { get; set; }
}

/// <summary>A person at the company (kontaktperson).</summary>
public sealed class CompanyContact
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    public required string Name { get; set; }

    public string? JobTitle { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>The workplace's employee representative or shop steward, who gives statements on placements.</summary>
    public bool IsEmployeeRepresentative { get; set; }
}
