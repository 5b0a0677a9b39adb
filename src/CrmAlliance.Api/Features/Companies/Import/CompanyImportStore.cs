using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Col = CrmAlliance.Api.Features.Companies.Import.CompanyImportColumns;

namespace CrmAlliance.Api.Features.Companies.Import;

/// <summary>A stored workplace with the company that owns it, to say whose P-number a clash is with.</summary>
public sealed record StoredWorkplace(Workplace Workplace, string OwnerCvr, string OwnerName);

/// <summary>
/// What the database already holds for the file's CVR and P-numbers (tracked, so the merge updates it),
/// and the checks that need it: P-numbers owned by another company, unknown consultants, and the
/// joined date a member needs.
/// </summary>
public sealed class CompanyImportStore
{
    // Keeps each IN list far below SQL Server's 2,100-parameter limit, whatever EF's translation.
    private const int ChunkSize = 500;

    private CompanyImportStore(Dictionary<string, Company> companies, Dictionary<string, StoredWorkplace> workplaces, ILookup<Guid, CompanyContact> contacts, IReadOnlyDictionary<string, string> consultants)
    {
        Companies = companies;
        Workplaces = workplaces;
        Contacts = contacts;
        ConsultantIdsByEmail = consultants;
    }

    public IReadOnlyDictionary<string, Company> Companies { get; }

    public IReadOnlyDictionary<string, StoredWorkplace> Workplaces { get; }

    public ILookup<Guid, CompanyContact> Contacts { get; }

    /// <summary>Consultants' user ids by upper-case e-mail.</summary>
    public IReadOnlyDictionary<string, string> ConsultantIdsByEmail { get; }

    /// <param name="looked">Told after each query for companies how many of <paramref name="lines"/> have had their company looked up.</param>
    public static async Task<CompanyImportStore> LoadAsync(CrmDbContext db, IConsultantDirectory consultantDirectory, IReadOnlyList<CompanyImportLine> lines, Action<int>? looked, CancellationToken cancellationToken)
    {
        var companies = new Dictionary<string, Company>();
        var linesOf = lines.CountBy(l => l.Company.Cvr).ToDictionary();
        var done = 0;
        foreach (var chunk in linesOf.Keys.Chunk(ChunkSize))
        {
            foreach (var company in await db.Companies.Where(c => chunk.Contains(c.Cvr)).ToListAsync(cancellationToken))
            {
                companies[company.Cvr] = company;
            }

            done += chunk.Sum(cvr => linesOf[cvr]);
            looked?.Invoke(done);
        }

        var workplaces = new Dictionary<string, StoredWorkplace>();
        foreach (var chunk in lines.Where(l => l.Workplace is not null).Select(l => l.Workplace!.PNumber).Distinct().Chunk(ChunkSize))
        {
            var rows = await (from w in db.Workplaces
                              join c in db.Companies on w.CompanyId equals c.Id
                              where chunk.Contains(w.PNumber)
                              select new { Workplace = w, c.Cvr, c.Name }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                workplaces[row.Workplace.PNumber] = new StoredWorkplace(row.Workplace, row.Cvr, row.Name);
            }
        }

        var contacts = new List<CompanyContact>();
        foreach (var chunk in companies.Values.Select(c => c.Id).Chunk(ChunkSize))
        {
            contacts.AddRange(await db.CompanyContacts.Where(c => chunk.Contains(c.CompanyId)).OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(cancellationToken));
        }

        var emails = lines.Select(l => l.Membership.ResponsibleConsultantEmail?.ToUpperInvariant()).OfType<string>().Distinct().ToList();
        var consultants = await consultantDirectory.IdsByEmailAsync(emails, cancellationToken);

        return new CompanyImportStore(companies, workplaces, contacts.ToLookup(c => c.CompanyId), consultants);
    }

    public IEnumerable<ImportRejection> Check(IReadOnlyList<CompanyImportLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.Workplace is { } workplace && Workplaces.TryGetValue(workplace.PNumber, out var stored) && stored.OwnerCvr != line.Company.Cvr)
            {
                yield return new ImportRejection(line.Line, line.Company.Cvr, Col.PNumber, RefusalText.Of("Companies.Import.PNumberRegistered", ("pNumber", workplace.PNumber), ("owner", stored.OwnerName), ("cvr", stored.OwnerCvr)));
            }

            if (line.Membership.ResponsibleConsultantEmail is { } email && !ConsultantIdsByEmail.ContainsKey(email.ToUpperInvariant()))
            {
                yield return new ImportRejection(line.Line, line.Company.Cvr, Col.ResponsibleConsultantEmail, RefusalText.Of("Companies.Import.NotAConsultantEmail", ("value", email)));
            }
        }

        foreach (var group in lines.GroupBy(l => l.Company.Cvr))
        {
            var membership = Merge(group);
            var existing = Companies.GetValueOrDefault(group.Key);
            var status = membership.Status ?? existing?.MembershipStatus ?? MembershipStatus.Prospect;
            if (status != MembershipStatus.Prospect && (membership.JoinedOn ?? existing?.JoinedOn) is null)
            {
                yield return new ImportRejection(group.First().Line, group.Key, Col.JoinedOn, RefusalText.Of("Companies.Import.JoinedOnRequired", ("status", status)));

            }
        }
    }

    /// <summary>A company's membership over its lines: the first given value of each cell.</summary>
    public static ImportedMembership Merge(IEnumerable<CompanyImportLine> linesOfOneCompany)
    {
        var lines = linesOfOneCompany.ToList();
        return new ImportedMembership(
            lines.Select(l => l.Membership.Status).FirstOrDefault(s => s is not null),
            lines.Select(l => l.Membership.JoinedOn).FirstOrDefault(d => d is not null),
            lines.Select(l => l.Membership.ResponsibleConsultantEmail).FirstOrDefault(e => e is not null));
    }
}
