namespace CrmAlliance.Api.Features.Companies.Import;

/// <summary>Which part of the record a column fills; a group's columns come together.</summary>
public enum ColumnGroup
{
    Company,
    Membership,
    Workplace,
    Contact,
}

/// <summary>One column of the import file: its name, a Danish heading accepted in its place, and its group.</summary>
public sealed record CompanyImportColumn(string Name, string DanishHeading, ColumnGroup Group, bool RequiredInGroup);

/// <summary>The columns of the company import file, as documented in CompanyImportFormat.md.</summary>
public static class CompanyImportColumns
{
    public const string Cvr = "cvr";
    public const string Name = "name";
    public const string IndustryCode = "industryCode";
    public const string Address = "address";
    public const string Postcode = "postcode";
    public const string Sector = "sector";
    public const string MembershipStatus = "membershipStatus";
    public const string JoinedOn = "joinedOn";
    public const string ResponsibleConsultantEmail = "responsibleConsultantEmail";
    public const string PNumber = "pNumber";
    public const string WorkplaceName = "workplaceName";
    public const string WorkplaceAddress = "workplaceAddress";
    public const string WorkplacePostcode = "workplacePostcode";
    public const string OrdinaryEmployees = "ordinaryEmployees";
    public const string EmployeesReportedFor = "employeesReportedFor";
    public const string AverageEmployees12Months = "averageEmployees12Months";
    public const string ContactName = "contactName";
    public const string ContactJobTitle = "contactJobTitle";
    public const string ContactEmail = "contactEmail";
    public const string ContactPhone = "contactPhone";
    public const string ContactIsEmployeeRepresentative = "contactIsEmployeeRepresentative";

    public static readonly IReadOnlyList<CompanyImportColumn> All =
    [
        new(Cvr, "CVR-nummer", ColumnGroup.Company, true),
        new(Name, "Navn", ColumnGroup.Company, true),
        new(IndustryCode, "Branchekode", ColumnGroup.Company, true),
        new(Address, "Adresse", ColumnGroup.Company, true),
        new(Postcode, "Postnummer", ColumnGroup.Company, true),
        new(Sector, "Sektor", ColumnGroup.Company, true),
        new(MembershipStatus, "Medlemsstatus", ColumnGroup.Membership, false),
        new(JoinedOn, "Indmeldt", ColumnGroup.Membership, false),
        new(ResponsibleConsultantEmail, "Konsulent", ColumnGroup.Membership, false),
        new(PNumber, "P-nummer", ColumnGroup.Workplace, true),
        new(WorkplaceName, "Arbejdssted", ColumnGroup.Workplace, true),
        new(WorkplaceAddress, "Arbejdsstedets adresse", ColumnGroup.Workplace, true),
        new(WorkplacePostcode, "Arbejdsstedets postnummer", ColumnGroup.Workplace, true),
        new(OrdinaryEmployees, "Ordinært ansatte", ColumnGroup.Workplace, true),
        new(EmployeesReportedFor, "Ansatte opgjort for", ColumnGroup.Workplace, true),
        new(AverageEmployees12Months, "Gennemsnit 12 måneder", ColumnGroup.Workplace, true),
        new(ContactName, "Kontaktperson", ColumnGroup.Contact, true),
        new(ContactJobTitle, "Kontaktpersonens stilling", ColumnGroup.Contact, false),
        new(ContactEmail, "Kontaktpersonens e-mail", ColumnGroup.Contact, false),
        new(ContactPhone, "Kontaktpersonens telefon", ColumnGroup.Contact, false),
        new(ContactIsEmployeeRepresentative, "Medarbejderrepræsentant", ColumnGroup.Contact, false),
    ];

    private static readonly Dictionary<string, CompanyImportColumn> ByHeading = All
        .SelectMany(c => new[] { (Key: Normalise(c.Name), Column: c), (Key: Normalise(c.DanishHeading), Column: c) })
        .ToDictionary(x => x.Key, x => x.Column);

    /// <summary>The column a heading names, ignoring case, spaces, hyphens, underscores and dots; null if unknown.</summary>
    public static CompanyImportColumn? Find(string heading) => ByHeading.GetValueOrDefault(Normalise(heading));

    private static string Normalise(string heading)
        => new(heading.Trim().ToUpperInvariant().Where(c => c is not (' ' or '-' or '_' or '.')).ToArray());
}
