using System.Runtime.CompilerServices;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Exports;

/// <summary>
/// Placements that ran during the period: started on or before its last day and not ended before its
/// first. The candidate appears only by target group: no case reference, no alias, no id.
/// </summary>
public sealed class PlacementsExport(CrmDbContext db, TimeProvider clock) : IRawRowTable
{
    public string Name => "placements";

    public bool HoldsCandidateData => true;

    public IReadOnlyList<string> Columns { get; } =
    [
        "placementId", "companyId", "workplaceId", "vacancyId", "offerKind", "purpose", "candidateTargetGroup", "status",
        "plannedStart", "plannedEnd", "actualStart", "actualEnd", "daysInPeriod",
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(ReportPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (first, last) = (period.Start, period.End);
        // Running placements' days are counted through the same day the yield figures book them through.
        var bookedThrough = YieldClockDay.BookThrough(clock);
        var rows = (from p in db.Placements.AsNoTracking()
                    where p.ActualStart != null && p.ActualStart <= last && (p.ActualEnd == null || p.ActualEnd >= first)
                    join c in db.Candidates on p.CandidateId equals c.Id
                    orderby p.ActualStart, p.Id
                    select new { p.Id, p.CompanyId, p.WorkplaceId, p.VacancyId, p.OfferKind, p.Purpose, c.TargetGroup, p.Status, p.PlannedStart, p.PlannedEnd, p.ActualStart, p.ActualEnd })
            .AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(cancellationToken))
        {
            yield return
            [
                p.Id, p.CompanyId, p.WorkplaceId, p.VacancyId, p.OfferKind, p.Purpose, p.TargetGroup, p.Status,
                p.PlannedStart, p.PlannedEnd, p.ActualStart, p.ActualEnd, PlacementDays.InPeriod(p.ActualStart!.Value, p.ActualEnd, first, last, bookedThrough),
            ];
        }
    }
}
