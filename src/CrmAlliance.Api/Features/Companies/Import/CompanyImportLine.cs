using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Companies.Import;

/// <summary>The company columns of one line: the same on every line of a CVR.</summary>
public sealed record ImportedCompany(string Cvr, string Name, string IndustryCode, string Address, string Postcode, Sector Sector);

/// <summary>Membership cells; null where the column is absent or the cell blank (then the stored value stays).</summary>
public sealed record ImportedMembership(MembershipStatus? Status, DateOnly? JoinedOn, string? ResponsibleConsultantEmail);

public sealed record ImportedWorkplace(string PNumber, string Name, string Address, string Postcode, int OrdinaryEmployees, DateOnly EmployeesReportedFor, decimal AverageEmployees12Months);

/// <summary>Contact cells; null optional cells leave what is stored unchanged.</summary>
public sealed record ImportedContact(string Name, string? JobTitle, string? Email, string? Phone, bool? IsEmployeeRepresentative)
{
    /// <summary>Contacts are matched within a company by e-mail, or by name when there is no e-mail.</summary>
    public string MatchKey => Email is not null ? "email:" + Email.ToUpperInvariant() : "name:" + Name.ToUpperInvariant();
}

/// <summary>One valid line of the file: a company, optionally one of its workplaces and one contact person.</summary>
public sealed record CompanyImportLine(int Line, ImportedCompany Company, ImportedMembership Membership, ImportedWorkplace? Workplace, ImportedContact? Contact);

/// <summary>Why a line was rejected: its line number in the file (the header is line 1), its CVR, the column and the reason.</summary>
public sealed record ImportRejection(int Line, string? Cvr, string Field, RefusalText Text)
{
    /// <summary>The English text, as GraphQL gives it; pages render <see cref="Text"/> in the user's language.</summary>
    public string Reason => Refusals.Describe(Text, Refusals.English);
}


/// <summary>The file after reading: its valid lines and the rejections of the others.</summary>
public sealed record CompanyImportFile(char Separator, int LineCount, IReadOnlyList<CompanyImportLine> Lines, IReadOnlyList<ImportRejection> Rejections);
