using System.Runtime.CompilerServices;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Exports;

/// <summary>
/// Every recorded outcome (at the end and each follow-up) of the placements that ended in the period: results
/// are counted for the period a placement ended in, whenever the follow-up was recorded.
/// </summary>
public sealed class OutcomesExport(CrmDbContext db) : IRawRowTable
{
    public string Name => "outcomes";

    public bool HoldsCandidateData => true;

    public IReadOnlyList<string> Columns { get; } =
    [
        "outcomeId", "placementId", "companyId", "offerKind", "placementEndedOn", "monthsAfterEnd", "dueOn",
        "endResult", "selfSupporting", "observedOn", "source", "recordedAt",
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(ReportPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (first, last) = (period.Start, period.End);
        var rows = (from p in db.Placements.AsNoTracking()
                    where p.ActualEnd >= first && p.ActualEnd <= last
                    join o in db.Outcomes on p.Id equals o.PlacementId
                    orderby p.ActualEnd, p.Id, o.MonthsAfterEnd
                    select new { o.Id, o.PlacementId, p.CompanyId, p.OfferKind, p.ActualEnd, o.MonthsAfterEnd, o.EndResult, o.SelfSupporting, o.ObservedOn, o.Source, o.RecordedAt })
            .AsAsyncEnumerable();
        await foreach (var o in rows.WithCancellation(cancellationToken))
        {
            var ended = o.ActualEnd!.Value;
            yield return
            [
                o.Id, o.PlacementId, o.CompanyId, o.OfferKind, ended, o.MonthsAfterEnd, OutcomeSchedule.DueOn(ended, o.MonthsAfterEnd),
                o.EndResult, o.SelfSupporting, o.ObservedOn, o.Source, o.RecordedAt,
            ];
        }
    }
}
