using System.Runtime.CompilerServices;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Exports;

/// <summary>
/// Contacts with companies that occurred in the period (by Danish date). The summary and outcome texts are
/// left out: they are free text that may name citizens, and no figure is computed from them.
/// </summary>
public sealed class ContactsExport(CrmDbContext db) : IRawRowTable
{
    public string Name => "contacts";

    public IReadOnlyList<string> Columns { get; } =
    [
        "contactLogId", "companyId", "occurredAt", "occurredOn", "channel", "consultantEmail", "consultantName", "followUpOn", "followUpDone",
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(ReportPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = DanishCalendar.StartOf(period.Start);
        var before = DanishCalendar.StartOf(period.EndExclusive);
        var rows = (from l in db.ContactLogs.AsNoTracking()
                    where l.OccurredAt >= since && l.OccurredAt < before
                    join u in db.Users on l.ConsultantId equals u.Id into consultants
                    from u in consultants.DefaultIfEmpty()
                    orderby l.OccurredAt, l.Id
                    select new { l.Id, l.CompanyId, l.OccurredAt, l.Channel, Email = u != null ? u.Email : null, Name = u != null ? u.DisplayName : null, l.FollowUpOn, l.FollowUpDone })
            .AsAsyncEnumerable();
        await foreach (var l in rows.WithCancellation(cancellationToken))
        {
            yield return [l.Id, l.CompanyId, l.OccurredAt, DanishCalendar.DateOf(l.OccurredAt), l.Channel, l.Email, l.Name, l.FollowUpOn, l.FollowUpDone];
        }
    }
}
