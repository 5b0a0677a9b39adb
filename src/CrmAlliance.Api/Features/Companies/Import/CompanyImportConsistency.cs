using CrmAlliance.Api.Core;
using Col = CrmAlliance.Api.Features.Companies.Import.CompanyImportColumns;

namespace CrmAlliance.Api.Features.Companies.Import;

/// <summary>
/// Checks that the lines of a file agree with each other: a CVR keeps its company columns, a P-number
/// belongs to one CVR and keeps its workplace columns, and a contact person (by e-mail, else name) keeps
/// their columns. The later line is the one rejected, naming the earlier one.
/// </summary>
public static class CompanyImportConsistency
{
    public static IReadOnlyList<ImportRejection> Check(IReadOnlyList<CompanyImportLine> lines)
    {
        var rejections = new List<ImportRejection>();
        var firstOfCvr = new Dictionary<string, CompanyImportLine>();
        var firstOfPNumber = new Dictionary<string, CompanyImportLine>();
        var firstOfContact = new Dictionary<(string Cvr, string Key), CompanyImportLine>();
        foreach (var line in lines)
        {
            void Reject(string field, RefusalText reason) => rejections.Add(new ImportRejection(line.Line, line.Company.Cvr, field, reason));

            if (firstOfCvr.TryGetValue(line.Company.Cvr, out var first))
            {
                foreach (var (field, here, there) in CompanyDifferences(line, first))
                {
                    Reject(field, RefusalText.Of("Companies.Import.DiffersForCvr", ("here", here), ("there", there), ("line", first.Line), ("cvr", line.Company.Cvr)));
                }
            }
            else
            {
                firstOfCvr[line.Company.Cvr] = line;
            }

            if (line.Workplace is { } workplace)
            {
                if (!firstOfPNumber.TryGetValue(workplace.PNumber, out var earlier))
                {
                    firstOfPNumber[workplace.PNumber] = line;
                }
                else if (earlier.Company.Cvr != line.Company.Cvr)
                {
                    Reject(Col.PNumber, RefusalText.Of("Companies.Import.PNumberOfOtherCvr", ("pNumber", workplace.PNumber), ("cvr", earlier.Company.Cvr), ("line", earlier.Line)));
                }
                else
                {
                    foreach (var (field, here, there) in WorkplaceDifferences(workplace, earlier.Workplace!))
                    {
                        Reject(field, RefusalText.Of("Companies.Import.DiffersForPNumber", ("here", here), ("there", there), ("line", earlier.Line), ("pNumber", workplace.PNumber)));
                    }
                }
            }

            if (line.Contact is { } contact)
            {
                var key = (line.Company.Cvr, contact.MatchKey);
                if (!firstOfContact.TryGetValue(key, out var earlier))
                {
                    firstOfContact[key] = line;
                }
                else
                {
                    foreach (var (field, here, there) in ContactDifferences(contact, earlier.Contact!))
                    {
                        Reject(field, RefusalText.Of("Companies.Import.DiffersForContact", ("here", here), ("there", there), ("line", earlier.Line), ("name", contact.Name)));

                    }
                }
            }
        }

        return rejections;
    }

    private static IEnumerable<(string Field, object? Here, object? There)> CompanyDifferences(CompanyImportLine line, CompanyImportLine first)
    {
        var (a, b) = (line.Company, first.Company);
        var candidates = new (string, object?, object?)[]
        {
            (Col.Name, a.Name, b.Name),
            (Col.IndustryCode, a.IndustryCode, b.IndustryCode),
            (Col.Address, a.Address, b.Address),
            (Col.Postcode, a.Postcode, b.Postcode),
            (Col.Sector, a.Sector, b.Sector),
        };
        var (m, n) = (line.Membership, first.Membership);

        // Membership cells may be left blank on a company's later lines; given ones must agree.
        var membership = new (string, object?, object?)[]
        {
            (Col.MembershipStatus, m.Status, n.Status),
            (Col.JoinedOn, m.JoinedOn, n.JoinedOn),
            (Col.ResponsibleConsultantEmail, m.ResponsibleConsultantEmail?.ToUpperInvariant(), n.ResponsibleConsultantEmail?.ToUpperInvariant()),
        };
        return candidates.Where(c => !Equals(c.Item2, c.Item3))
            .Concat(membership.Where(c => c.Item2 is not null && c.Item3 is not null && !Equals(c.Item2, c.Item3)));
    }

    private static IEnumerable<(string Field, object? Here, object? There)> WorkplaceDifferences(ImportedWorkplace a, ImportedWorkplace b)
        => new (string Field, object? Here, object? There)[]
        {
            (Col.WorkplaceName, a.Name, b.Name),
            (Col.WorkplaceAddress, a.Address, b.Address),
            (Col.WorkplacePostcode, a.Postcode, b.Postcode),
            (Col.OrdinaryEmployees, a.OrdinaryEmployees, b.OrdinaryEmployees),
            (Col.EmployeesReportedFor, a.EmployeesReportedFor, b.EmployeesReportedFor),
            (Col.AverageEmployees12Months, a.AverageEmployees12Months, b.AverageEmployees12Months),
        }.Where(d => !Equals(d.Here, d.There));

    /// <summary>Optional contact cells may be left blank on later lines; given ones must agree.</summary>
    private static IEnumerable<(string Field, object? Here, object? There)> ContactDifferences(ImportedContact a, ImportedContact b)
        => new (string Field, object? Here, object? There)[]
        {
            (Col.ContactName, a.Name, b.Name),
            (Col.ContactJobTitle, a.JobTitle, b.JobTitle),
            (Col.ContactPhone, a.Phone, b.Phone),
            (Col.ContactIsEmployeeRepresentative, a.IsEmployeeRepresentative, b.IsEmployeeRepresentative),
        }.Where(d => d.Here is not null && d.There is not null && !Equals(d.Here, d.There));
}
