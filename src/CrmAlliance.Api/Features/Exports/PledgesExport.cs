using System.Runtime.CompilerServices;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Exports;

/// <summary>Pledges whose period overlaps the export's. The note is left out: free text no figure uses.</summary>
public sealed class PledgesExport(CrmDbContext db) : IRawRowTable
{
    public string Name => "pledges";

    public IReadOnlyList<string> Columns { get; } =
    [
        "pledgeId", "companyId", "periodStart", "periodEnd", "ordinaryJobs", "internships", "wageSubsidyJobs",
        "adultApprenticeships", "flexJobs", "mentors", "targetGroups", "recordedAt",
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(ReportPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (first, last) = (period.Start, period.End);
        var rows = db.Pledges.AsNoTracking()
            .Where(p => p.PeriodStart <= last && p.PeriodEnd >= first)
            .OrderBy(p => p.PeriodStart).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.CompanyId, p.PeriodStart, p.PeriodEnd, p.OrdinaryJobs, p.Internships, p.WageSubsidyJobs, p.AdultApprenticeships, p.FlexJobs, p.Mentors, p.TargetGroups, p.RecordedAt })
            .AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(cancellationToken))
        {
            yield return
            [
                p.Id, p.CompanyId, p.PeriodStart, p.PeriodEnd, p.OrdinaryJobs, p.Internships, p.WageSubsidyJobs,
                p.AdultApprenticeships, p.FlexJobs, p.Mentors, p.TargetGroups, p.RecordedAt,
            ];
        }
    }
}
