using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Audit;

/// <summary>
/// The audit trail's writing API for the code that is not a tracked change: reads of candidate data, bulk
/// operations (one entry with the row count), and forgetting a candidate's key. Changes through the change tracker
/// are recorded by <see cref="AuditSaveInterceptor"/> without any call.
/// </summary>
public sealed class AuditTrail(CrmDbContext db, TimeProvider clock, IOptions<AuditOptions> options, AuditReadLog readLog)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>
    /// Adds one entry for a bulk operation to the context's next save (so it commits in the operation's transaction).
    /// Until the returned scope is disposed, rows of <paramref name="coveredEntityTypes"/> saved through the change
    /// tracker on this context get no entry of their own. For set-based ExecuteUpdate/ExecuteDelete, save the
    /// context in the same transaction so the entry is written.
    /// </summary>
    public IDisposable RecordBulk(Actor? actor, string operation, int rowCount, params string[] coveredEntityTypes)
    {
        if (!Enabled)
        {
            return BulkCoverage.None;
        }

        var entry = New(actor, AuditAction.Bulk, coveredEntityTypes.FirstOrDefault() ?? operation);
        entry.Details = operation;
        entry.RowCount = rowCount;
        db.AuditEntries.Add(entry);
        return BulkCoverage.Cover(db, coveredEntityTypes);
    }

    /// <summary>
    /// Records one read of candidate data: one entry per request, with the candidate read (<paramref name="candidateIds"/>
    /// of one) or, for a list or export, the filter and the row count. Queued to <see cref="AuditReadLog"/>, which writes
    /// read entries in batches (a read has no change to join); saved at once where that writer does not run.
    /// </summary>
    public async Task RecordReadAsync(Actor? actor, string entityType, IReadOnlyCollection<Guid> candidateIds, string? filter, int rowCount, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        var entry = New(actor, AuditAction.Read, entityType);
        if (candidateIds.Count == 1)
        {
            entry.CandidateId = candidateIds.First();
            entry.EntityId = entry.CandidateId.ToString();
        }

        var ids = candidateIds.Count > 1 ? "ids=" + string.Join(',', candidateIds.Order()) : null;
        entry.Details = Truncate(string.Join("; ", new[] { filter, ids }.Where(s => !string.IsNullOrEmpty(s))), 4000);
        entry.RowCount = rowCount;
        if (readLog.IsRunning)
        {
            await readLog.EnqueueAsync(entry, cancellationToken);
            return;
        }

        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Removes a subject's audit key — a candidate's, or a company contact person's — in the caller's context (saved
    /// with the caller's SaveChanges): the old and new values of every entry about them become "(slettet)". Call it in
    /// the save that erases the subject, so that the erasing change's own entry is written under the key being removed —
    /// or, for a subject that never had one, under a key that is never stored (<see cref="ForgottenSubjects"/>).
    /// </summary>
    public async Task ForgetAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        ForgottenSubjects.Mark(db, subjectId);
        var key = await db.AuditSubjectKeys.FirstOrDefaultAsync(k => k.CandidateId == subjectId, cancellationToken);
        if (key is not null)
        {
            db.AuditSubjectKeys.Remove(key);
        }
    }

    private AuditEntry New(Actor? actor, AuditAction action, string entityType) => new()
    {
        At = clock.GetUtcNow(),
        ActorUserId = actor?.UserId ?? AuditEntry.SystemUserId,
        ActorEmail = actor?.Email,
        ActorRole = actor?.Role.ToString() ?? AuditEntry.SystemRole,
        Action = action,
        EntityType = entityType,
    };

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
