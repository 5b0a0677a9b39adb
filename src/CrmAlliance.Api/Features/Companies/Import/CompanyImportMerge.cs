using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Companies.Import;

public sealed record ImportCounts(int Created, int Updated, int Unchanged);

/// <summary>What the merge did, per kind of row.</summary>
public sealed record CompanyImportCounts(ImportCounts Companies, ImportCounts Workplaces, ImportCounts Contacts);

/// <summary>
/// Applies checked lines to the tracked rows: a known CVR updates its company, a known P-number its
/// workplace, a known contact (by e-mail, else name, within the company) its person; the rest is added.
/// Nothing is saved here: the handler saves once, or discards the changes for a dry run.
/// </summary>
public static class CompanyImportMerge
{
    public static CompanyImportCounts Apply(CrmDbContext db, CompanyImportStore store, IReadOnlyList<CompanyImportLine> lines, DateTimeOffset now)
    {
        var companies = new Tally();
        var workplaces = new Tally();
        var contacts = new Tally();
        foreach (var group in lines.GroupBy(l => l.Company.Cvr))
        {
            var company = MergeCompany(db, store, group.First().Company, CompanyImportStore.Merge(group), now, companies);
            foreach (var workplace in group.Select(l => l.Workplace).OfType<ImportedWorkplace>().DistinctBy(w => w.PNumber))
            {
                MergeWorkplace(db, store, company, workplace, workplaces);
            }

            var known = store.Contacts[company.Id].ToList();
            foreach (var contact in group.Select(l => l.Contact).OfType<ImportedContact>().DistinctBy(c => c.MatchKey))
            {
                MergeContact(db, company, known, contact, contacts);
            }
        }

        return new CompanyImportCounts(companies.Counts, workplaces.Counts, contacts.Counts);
    }

    private static Company MergeCompany(CrmDbContext db, CompanyImportStore store, ImportedCompany row, ImportedMembership membership, DateTimeOffset now, Tally tally)
    {
        var consultantId = membership.ResponsibleConsultantEmail is { } email ? store.ConsultantIdsByEmail[email.ToUpperInvariant()] : null;
        if (!store.Companies.TryGetValue(row.Cvr, out var company))
        {
            company = new Company
            {
                Cvr = row.Cvr,
                Name = row.Name,
                IndustryCode = row.IndustryCode,
                Address = row.Address,
                Postcode = row.Postcode,
                Sector = row.Sector,
                MembershipStatus = membership.Status ?? MembershipStatus.Prospect,
                JoinedOn = membership.JoinedOn,
                ResponsibleConsultantId = consultantId,
                CreatedAt = now,
            };
            db.Companies.Add(company);
            tally.Created++;
            return company;
        }

        // `|`, not `||`: every changed field must be assigned, not only the first.
        var changed = Set(company.Name, row.Name, v => company.Name = v)
            | Set(company.IndustryCode, row.IndustryCode, v => company.IndustryCode = v)
            | Set(company.Address, row.Address, v => company.Address = v)
            | Set(company.Postcode, row.Postcode, v => company.Postcode = v)
            | Set(company.Sector, row.Sector, v => company.Sector = v)
            | Set(company.MembershipStatus, membership.Status ?? company.MembershipStatus, v => company.MembershipStatus = v)
            | Set(company.JoinedOn, membership.JoinedOn ?? company.JoinedOn, v => company.JoinedOn = v)
            | Set(company.ResponsibleConsultantId, consultantId ?? company.ResponsibleConsultantId, v => company.ResponsibleConsultantId = v);
        if (changed)
        {
            // Someone editing the company from an earlier read gets CONFLICT instead of overwriting the import.
            company.Version++;
        }

        tally.Count(changed);
        return company;
    }

    private static void MergeWorkplace(CrmDbContext db, CompanyImportStore store, Company company, ImportedWorkplace row, Tally tally)
    {
        if (!store.Workplaces.TryGetValue(row.PNumber, out var stored))
        {
            db.Workplaces.Add(new Workplace
            {
                CompanyId = company.Id,
                PNumber = row.PNumber,
                Name = row.Name,
                Address = row.Address,
                Postcode = row.Postcode,
                OrdinaryEmployees = row.OrdinaryEmployees,
                EmployeesReportedFor = row.EmployeesReportedFor,
                AverageEmployees12Months = row.AverageEmployees12Months,
            });
            tally.Created++;
            return;
        }

        var w = stored.Workplace;
        tally.Count(Set(w.Name, row.Name, v => w.Name = v)
            | Set(w.Address, row.Address, v => w.Address = v)
            | Set(w.Postcode, row.Postcode, v => w.Postcode = v)
            | Set(w.OrdinaryEmployees, row.OrdinaryEmployees, v => w.OrdinaryEmployees = v)
            | Set(w.EmployeesReportedFor, row.EmployeesReportedFor, v => w.EmployeesReportedFor = v)
            | Set(w.AverageEmployees12Months, row.AverageEmployees12Months, v => w.AverageEmployees12Months = v));
    }

    private static void MergeContact(CrmDbContext db, Company company, List<CompanyContact> known, ImportedContact row, Tally tally)
    {
        var contact = row.Email is not null
            ? known.FirstOrDefault(c => string.Equals(c.Email, row.Email, StringComparison.OrdinalIgnoreCase))
            : known.FirstOrDefault(c => string.Equals(c.Name, row.Name, StringComparison.OrdinalIgnoreCase));
        if (contact is null)
        {
            contact = new CompanyContact
            {
                CompanyId = company.Id,
                Name = row.Name,
                JobTitle = row.JobTitle,
                Email = row.Email,
                Phone = row.Phone,
                IsEmployeeRepresentative = row.IsEmployeeRepresentative ?? false,
            };
            db.CompanyContacts.Add(contact);
            known.Add(contact);
            tally.Created++;
            return;
        }

        tally.Count(Set(contact.Name, row.Name, v => contact.Name = v)
            | Set(contact.JobTitle, row.JobTitle ?? contact.JobTitle, v => contact.JobTitle = v)
            | Set(contact.Email, row.Email ?? contact.Email, v => contact.Email = v)
            | Set(contact.Phone, row.Phone ?? contact.Phone, v => contact.Phone = v)
            | Set(contact.IsEmployeeRepresentative, row.IsEmployeeRepresentative ?? contact.IsEmployeeRepresentative, v => contact.IsEmployeeRepresentative = v));
    }

    /// <summary>Assigns only a changed value, so unchanged rows stay unmodified and are counted as such.</summary>
    private static bool Set<T>(T current, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
        {
            return false;
        }

        assign(value);
        return true;
    }

    private sealed class Tally
    {
        public int Created { get; set; }

        public int Updated { get; private set; }

        public int Unchanged { get; private set; }

        public ImportCounts Counts => new(Created, Updated, Unchanged);

        public void Count(bool changed)
        {
            if (changed)
            {
                Updated++;
            }
            else
            {
                Unchanged++;
            }
        }
    }
}
