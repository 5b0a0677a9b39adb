using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Csv;
using Col = CrmAlliance.Api.Features.Companies.Import.CompanyImportColumns;

namespace CrmAlliance.Api.Features.Companies.Import;

/// <summary>
/// Reads the import file (format: CompanyImportFormat.md) and checks each line with the same checks as
/// registration. Problems with the file as a whole (size, encoding, header; see <see cref="CsvImportFile"/>) are a
/// <see cref="ValidationException"/> on <c>csv</c>; problems with a line become <see cref="ImportRejection"/>s so every line is reported.
/// </summary>
public sealed class CompanyImportReader(ReferenceCatalog catalog)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxLines = 20_000;
    private const string Field = "csv";

    /// <param name="progress">Told of the <see cref="ImportPhase.Reading"/> phase, line by line in steps.</param>
    public CompanyImportFile Read(string csv, IProgress<ImportProgress>? progress = null)
    {
        var text = CsvImportFile.Read(csv, MaxBytes, MaxLines);
        var columns = ReadHeader(text.Header.Fields);
        var reading = ImportPhaseProgress.Start(progress, ImportPhase.Reading, text.Lines.Count);
        var lines = new List<CompanyImportLine>();
        var rejections = new List<ImportRejection>();
        for (var i = 0; i < text.Lines.Count; i++)
        {
            var line = ReadLine(text.Lines[i], columns, rejections);
            if (line is not null)
            {
                lines.Add(line);
            }

            reading.Advance(i + 1);
        }

        reading.Complete();

        return new CompanyImportFile(text.Separator, text.Lines.Count, lines, rejections);
    }

    /// <summary>Excel writes semicolons where the decimal separator is a comma (Danish settings), commas elsewhere.</summary>
    public static char DetectSeparator(string text) => CsvImportFile.DetectSeparator(text);

    private static CompanyImportColumn?[] ReadHeader(string[] headings)
    {
        var problems = new Validator();
        var columns = headings.Select(h => string.IsNullOrWhiteSpace(h) ? null : Col.Find(h)).ToArray();
        for (var i = 0; i < headings.Length; i++)
        {
            problems.Check(columns[i] is not null || string.IsNullOrWhiteSpace(headings[i]), Field, RefusalText.Of("Csv.UnknownColumn", ("position", i + 1), ("heading", headings[i].Trim())));
        }

        var present = columns.OfType<CompanyImportColumn>().ToList();
        foreach (var duplicate in present.GroupBy(c => c.Name).Where(g => g.Count() > 1))
        {
            problems.Add(Field, RefusalText.Of("Csv.DuplicateColumn", ("column", duplicate.Key), ("count", duplicate.Count())));
        }

        foreach (var group in new[] { ColumnGroup.Company, ColumnGroup.Workplace, ColumnGroup.Contact })
        {
            if (group != ColumnGroup.Company && present.All(c => c.Group != group))
            {
                continue;
            }

            foreach (var missing in Col.All.Where(c => c.Group == group && c.RequiredInGroup && !present.Contains(c)))
            {
                problems.Add(Field, RefusalText.Of(
                    group switch
                    {
                        ColumnGroup.Company => "Csv.MissingColumn",
                        ColumnGroup.Workplace => "Companies.Import.MissingWorkplaceColumn",
                        _ => "Companies.Import.MissingContactColumn",
                    },
                    ("column", missing.Name),
                    ("danishHeading", missing.DanishHeading)));

            }
        }

        problems.ThrowIfInvalid();
        return columns;
    }

    private CompanyImportLine? ReadLine(CsvRecord record, CompanyImportColumn?[] columns, List<ImportRejection> rejections)
    {
        var cells = new Dictionary<string, string>();
        var extra = new List<string>();
        for (var i = 0; i < record.Fields.Length; i++)
        {
            var value = record.Fields[i].Trim();
            if (i < columns.Length && columns[i] is { } column)
            {
                cells[column.Name] = value;
            }
            else if (value.Length > 0)
            {
                extra.Add(value);
            }
        }

        string Cell(string name) => cells.GetValueOrDefault(name, "");
        string? Optional(string name) => Cell(name) is { Length: > 0 } value ? value : null;

        var v = new Validator();
        var cvr = CompanyImportValues.NormaliseIdentifier(Cell(Col.Cvr));
        v.Check(extra.Count == 0, "line", RefusalText.Of("Companies.Import.ExtraCells", ("count", extra.Count), ("cells", string.Join("', '", extra))));
        v.CheckCompany(catalog, cvr, Cell(Col.Name), Cell(Col.IndustryCode), Cell(Col.Address), Cell(Col.Postcode));
        var sector = Parse<Sector>(v, Col.Sector, Cell(Col.Sector), CompanyImportValues.TrySector, required: true);
        var membership = new ImportedMembership(
            Parse<MembershipStatus>(v, Col.MembershipStatus, Cell(Col.MembershipStatus), CompanyImportValues.TryMembershipStatus),
            Parse<DateOnly>(v, Col.JoinedOn, Cell(Col.JoinedOn), CompanyImportValues.TryDate),
            Optional(Col.ResponsibleConsultantEmail));
        v.Check(membership.ResponsibleConsultantEmail is null || System.Net.Mail.MailAddress.TryCreate(membership.ResponsibleConsultantEmail, out _), Col.ResponsibleConsultantEmail, RefusalText.Of("Core.NotAnEmail", ("value", membership.ResponsibleConsultantEmail)));

        ImportedWorkplace? workplace = null;
        if (Col.All.Any(c => c.Group == ColumnGroup.Workplace && Cell(c.Name).Length > 0))
        {
            var pNumber = CompanyImportValues.NormaliseIdentifier(Cell(Col.PNumber));
            var employees = Parse<int>(v, Col.OrdinaryEmployees, Cell(Col.OrdinaryEmployees), CompanyImportValues.TryWholeNumber, required: true);
            var month = Parse<DateOnly>(v, Col.EmployeesReportedFor, Cell(Col.EmployeesReportedFor), CompanyImportValues.TryMonth, required: true);
            var average = Parse<decimal>(v, Col.AverageEmployees12Months, Cell(Col.AverageEmployees12Months), CompanyImportValues.TryDecimal, required: true);
            v.CheckWorkplace(catalog, pNumber, Cell(Col.WorkplaceName), Cell(Col.WorkplaceAddress), Cell(Col.WorkplacePostcode), employees ?? 0, average ?? 0, "workplace.");
            workplace = new ImportedWorkplace(pNumber, Cell(Col.WorkplaceName), Cell(Col.WorkplaceAddress), Cell(Col.WorkplacePostcode), employees ?? 0, month ?? default, average ?? 0);
        }

        ImportedContact? contact = null;
        if (Col.All.Any(c => c.Group == ColumnGroup.Contact && Cell(c.Name).Length > 0))
        {
            v.CheckContact(Cell(Col.ContactName), Optional(Col.ContactEmail), Optional(Col.ContactPhone), "contact.").OptionalText(Optional(Col.ContactJobTitle), "contact.jobTitle", 200);
            var isRepresentative = Parse<bool>(v, Col.ContactIsEmployeeRepresentative, Cell(Col.ContactIsEmployeeRepresentative), CompanyImportValues.TryYesNo);
            contact = new ImportedContact(Cell(Col.ContactName), Optional(Col.ContactJobTitle), Optional(Col.ContactEmail), Optional(Col.ContactPhone), isRepresentative);
        }

        if (!v.IsValid)
        {
            rejections.AddRange(v.Errors.Select(e => new ImportRejection(record.Line, cvr.Length > 0 ? cvr : null, ColumnOf(e.Field), e.Text)));

            return null;
        }

        var company = new ImportedCompany(cvr, Cell(Col.Name), Cell(Col.IndustryCode), Cell(Col.Address), Cell(Col.Postcode), sector.GetValueOrDefault());
        return new CompanyImportLine(record.Line, company, membership, workplace, contact);
    }

    private delegate bool CellParser<T>(string cell, out T value, out RefusalText reason);

    /// <summary>Null for a blank cell (an error if the cell is required) or an unreadable one (always an error).</summary>
    private static T? Parse<T>(Validator v, string column, string cell, CellParser<T> parse, bool required = false)
        where T : struct
    {
        if (cell.Length == 0)
        {
            v.Check(!required, column, RefusalText.Of("Core.Required"));
            return null;
        }

        if (parse(cell, out var value, out var reason))
        {
            return value;
        }

        v.Add(column, reason);
        return null;
    }

    /// <summary>The shared checks name fields as the registration inputs do; the report names the file's columns.</summary>
    private static string ColumnOf(string field)
    {
        if (field.StartsWith("workplace.", StringComparison.Ordinal))
        {
            var name = field["workplace.".Length..];
            return name is "name" or "address" or "postcode" ? "workplace" + Capitalise(name) : name;
        }

        return field.StartsWith("contact.", StringComparison.Ordinal) ? "contact" + Capitalise(field["contact.".Length..]) : field;
    }

    private static string Capitalise(string name) => char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..];
}
