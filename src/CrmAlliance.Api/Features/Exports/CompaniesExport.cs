using System.Runtime.CompilerServices;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Exports;

/// <summary>Every company with its current dimensions, whatever the period: the file the others join to.</summary>
public sealed class CompaniesExport(CrmDbContext db, ReferenceCatalog catalog) : IRawRowTable
{
    public string Name => "companies";

    public IReadOnlyList<string> Columns { get; } =
    [
        "companyId", "cvr", "name", "industryCode", "industrySection", "industrySectionTitle", "sector", "postcode",
        "workplaces", "ordinaryEmployees", "membershipStatus", "joinedOn", "responsibleConsultantEmail", "responsibleConsultantName", "createdAt",
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(ReportPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.Companies.AsNoTracking()
            .OrderBy(c => c.Cvr)
            .Select(c => new
            {
                c.Id,
                c.Cvr,
                c.Name,
                c.IndustryCode,
                c.Sector,
                c.Postcode,
                Workplaces = db.Workplaces.Count(w => w.CompanyId == c.Id),
                OrdinaryEmployees = db.Workplaces.Where(w => w.CompanyId == c.Id).Sum(w => w.OrdinaryEmployees),
                c.MembershipStatus,
                c.JoinedOn,
                Consultant = db.Users.Where(u => u.Id == c.ResponsibleConsultantId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefault(),
                c.CreatedAt,
            })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(cancellationToken))
        {
            var section = catalog.FindSection(c.IndustryCode);
            yield return
            [
                c.Id, c.Cvr, c.Name, c.IndustryCode, section?.Code, section?.Title, c.Sector, c.Postcode,
                c.Workplaces, c.OrdinaryEmployees, c.MembershipStatus, c.JoinedOn, c.Consultant?.Email, c.Consultant?.DisplayName, c.CreatedAt,
            ];
        }
    }
}
