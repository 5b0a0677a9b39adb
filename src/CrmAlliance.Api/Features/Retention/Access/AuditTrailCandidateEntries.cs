using CrmAlliance.Api.Features.Audit;

namespace CrmAlliance.Api.Features.Retention.Access;

/// <summary>
/// The access report's audit section from the audit trail: who changed or read what about the candidate, with the
/// old and new values while the candidate's key exists. Bounded: a report lists the newest <see cref="Max"/> entries.
/// </summary>
public sealed class AuditTrailCandidateEntries(AuditQueries audit) : ICandidateAuditEntries
{
    public const int Max = 10_000;

    public async Task<IReadOnlyList<CandidateAuditEntry>> ForCandidateAsync(Guid candidateId, CancellationToken cancellationToken)
        => (await audit.AboutCandidateAsync(candidateId, Max, cancellationToken))
            .Select(e => new CandidateAuditEntry(
                e.At,
                e.ActorEmail ?? e.ActorUserId,
                e.Action.ToString(),
                e.EntityId is null ? e.EntityType : $"{e.EntityType} {e.EntityId}",
                Describe(e)))
            .ToList();

    private static string? Describe(AuditEntryView entry)
    {
        var changes = entry.Erased ? AuditQueries.ErasedValue : string.Join("; ", entry.Changes.Select(c => $"{c.Field}: {c.Old ?? "–"} → {c.New ?? "–"}"));
        var parts = new[] { entry.Details, changes, entry.RowCount is { } rows ? $"{rows} rækker" : null }.Where(p => !string.IsNullOrEmpty(p));
        var text = string.Join("; ", parts);
        return text.Length == 0 ? null : text;
    }
}
