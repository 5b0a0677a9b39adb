using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Audit;

/// <summary>Which entries a search holds; every condition given must hold. Days are Danish calendar days, both included.</summary>
public sealed record AuditFilter(
    string? User = null,
    string? EntityType = null,
    string? EntityId = null,
    string? CandidateReference = null,
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>One field's value before and after; null values are absent ones.</summary>
public sealed record AuditFieldChange(string Field, string? Old, string? New);

/// <param name="Erased">The values were about a candidate whose key is gone (crypto-shredded): shown as "(slettet)".</param>
public sealed record AuditEntryView(
    long Sequence,
    DateTimeOffset At,
    string ActorUserId,
    string? ActorEmail,
    string ActorRole,
    AuditAction Action,
    string EntityType,
    string? EntityId,
    Guid? CandidateId,
    IReadOnlyList<AuditFieldChange> Changes,
    bool Erased,
    string? Details,
    int? RowCount,
    bool Sealed);

/// <summary>Finds a candidate's id by case reference, for the audit search (implemented by Candidates).</summary>
public interface IAuditCandidateLookup
{
    Task<Guid?> FindByReferenceAsync(string caseReference, CancellationToken cancellationToken);
}

/// <summary>
/// The Admins' search of the audit trail, newest first, with the values of entries about a candidate decrypted
/// while their key exists. Nobody else may search it: entries about candidates are candidate data.
/// </summary>
public sealed class AuditQueries(CrmDbContext db, IAuditCandidateLookup candidates)
{
    public const string ErasedValue = "(slettet)";
    private const int ExportBatch = 1_000;

    public static void RequireSearcher(Actor? actor) => (actor ?? throw new UnauthenticatedException()).Require(Role.Admin);

    public async Task<Page<AuditEntryView>> SearchAsync(AuditFilter filter, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        RequireSearcher(actor);
        var entries = await FilteredAsync(filter, cancellationToken);
        var found = await entries.OrderByDescending(e => e.Sequence).ToPageAsync(page, cancellationToken);
        return new Page<AuditEntryView>(await ViewsAsync(found.Items, cancellationToken), found.TotalCount, found.Offset);
    }

    /// <summary>Every entry the filter holds, newest first, read in batches (for the CSV export).</summary>
    public async IAsyncEnumerable<AuditEntryView> ExportAsync(AuditFilter filter, Actor actor, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RequireSearcher(actor);
        var entries = await FilteredAsync(filter, cancellationToken);
        long? before = null;
        while (true)
        {
            var batch = await (before is { } last ? entries.Where(e => e.Sequence < last) : entries).OrderByDescending(e => e.Sequence).Take(ExportBatch).ToListAsync(cancellationToken);
            foreach (var view in await ViewsAsync(batch, cancellationToken))
            {
                yield return view;
            }

            if (batch.Count < ExportBatch)
            {
                yield break;
            }

            before = batch[^1].Sequence;
        }
    }

    /// <summary>
    /// The newest <paramref name="max"/> entries about one candidate, values decrypted while their key exists — for the
    /// right-of-access report, whose query has checked that an Admin asks.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntryView>> AboutCandidateAsync(Guid candidateId, int max, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.CandidateId == candidateId).OrderByDescending(e => e.Sequence).Take(max).ToListAsync(cancellationToken);
        return await ViewsAsync(entries, cancellationToken);
    }

    /// <summary>Checks the filter (VALIDATION on <c>filter.*</c>) before anything is read.</summary>
    public static void Validate(AuditFilter filter)
    {
        new Validator()
            .MaxLength(filter.User, "filter.user", 256)
            .MaxLength(filter.EntityType, "filter.entityType", 64)
            .MaxLength(filter.EntityId, "filter.entityId", 200)
            .MaxLength(filter.CandidateReference, "filter.candidateReference", 64)
            .Check(filter.From is null || filter.To is null || filter.From <= filter.To, "filter.to", RefusalText.Of("Audit.PeriodReversed"))
            .ThrowIfInvalid();
    }

    private async Task<IQueryable<AuditEntry>> FilteredAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        Validate(filter);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            entries = entries.Where(e => e.ActorUserId == user || e.ActorEmail == user);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            entries = entries.Where(e => e.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var id = filter.EntityId.Trim();
            entries = entries.Where(e => e.EntityId == id);
        }

        if (!string.IsNullOrWhiteSpace(filter.CandidateReference))
        {
            var candidate = await candidates.FindByReferenceAsync(filter.CandidateReference.Trim(), cancellationToken);
            entries = candidate is { } id ? entries.Where(e => e.CandidateId == id) : entries.Where(e => false);
        }

        if (filter.From is { } from)
        {
            var start = DanishCalendar.StartOf(from);
            entries = entries.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = DanishCalendar.StartOf(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        return entries;
    }

    private async Task<List<AuditEntryView>> ViewsAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Where(e => AuditCrypto.IsEncrypted(e.Changes)).Select(AuditedRows.SubjectOf).OfType<Guid>().Distinct().ToList();
        var keys = ids.Count == 0 ? [] : await db.AuditSubjectKeys.AsNoTracking().Where(k => ids.Contains(k.CandidateId)).ToDictionaryAsync(k => k.CandidateId, k => k.Key, cancellationToken);
        return entries.Select(e =>
        {
            var (changes, erased) = Decode(e, keys);
            return new AuditEntryView(e.Sequence, e.At, e.ActorUserId, e.ActorEmail, e.ActorRole, e.Action, e.EntityType, e.EntityId, e.CandidateId, changes, erased, e.Details, e.RowCount, e.Hash is not null);
        }).ToList();
    }

    private static (IReadOnlyList<AuditFieldChange> Changes, bool Erased) Decode(AuditEntry entry, Dictionary<Guid, byte[]> keys)
    {
        var json = entry.Changes;
        if (AuditCrypto.IsEncrypted(json))
        {
            if (AuditedRows.SubjectOf(entry) is not { } subject || !keys.TryGetValue(subject, out var key))
            {
                return (Fields(entry).Select(f => new AuditFieldChange(f, ErasedValue, ErasedValue)).ToList(), true);
            }

            try
            {
                json = AuditCrypto.Decrypt(json!, key, subject);
            }
            catch (CryptographicException)
            {
                return (Fields(entry).Select(f => new AuditFieldChange(f, ErasedValue, ErasedValue)).ToList(), true);
            }
        }

        if (string.IsNullOrEmpty(json))
        {
            return ([], false);
        }

        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(json) ?? [];
        return (values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new AuditFieldChange(v.Key, Text(v.Value[0]), Text(v.Value[1]))).ToList(), false);
    }

    private static string[] Fields(AuditEntry entry) => entry.Fields?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    /// <summary>For display: a time in Danish local time.</summary>
    public static string LocalTime(DateTimeOffset instant)
        => TimeZoneInfo.ConvertTime(instant, DanishCalendar.Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
