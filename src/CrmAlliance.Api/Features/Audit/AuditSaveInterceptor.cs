using System.Text.Json;
using System.Text.Json.Serialization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Audit;

/// <summary>
/// Records every row a save adds, changes or removes as an <see cref="AuditEntry"/> added to the same save, so the
/// entry commits or rolls back with the change. The actor is the signed-in user of the current request; without one
/// (background services, consumers, start-up) the change is recorded as "system". Values of rows about a candidate
/// are encrypted under the candidate's key (<see cref="AuditSubjectKey"/>).
/// </summary>
public sealed class AuditSaveInterceptor(IHttpContextAccessor http, TimeProvider clock, IOptions<AuditOptions> options) : SaveChangesInterceptor
{
    // Relaxed escaping: the values are shown as written ("Kold køkken", not "Kold k\u00F8kken"); every page and export
    // encodes what it shows for its own format.
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() }, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CrmDbContext db && options.Value.Enabled)
        {
            var changes = Collect(db);
            if (changes.Count > 0)
            {
                var ids = changes.Where(c => c.SubjectId is not null).Select(c => c.SubjectId!.Value).Distinct().ToList();
                Stage(db, changes, ids.Count == 0 ? [] : LoadKeys(db, ids, db.AuditSubjectKeys.Where(k => ids.Contains(k.CandidateId)).ToList()));
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CrmDbContext db && options.Value.Enabled)
        {
            var changes = Collect(db);
            if (changes.Count > 0)
            {
                var ids = changes.Where(c => c.SubjectId is not null).Select(c => c.SubjectId!.Value).Distinct().ToList();
                Stage(db, changes, ids.Count == 0 ? [] : LoadKeys(db, ids, await db.AuditSubjectKeys.Where(k => ids.Contains(k.CandidateId)).ToListAsync(cancellationToken)));
            }
        }

        return result;
    }

    private sealed record RowChange(EntityEntry Entry, AuditAction Action, string EntityType, Guid? CandidateId, Guid? SubjectId);

    private static List<RowChange> Collect(CrmDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var pending = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();

        // A save that failed and is tried again still holds the entries staged the first time: stage them anew.
        foreach (var stale in pending.Where(e => e.Entity is AuditEntry { Action: not (AuditAction.Bulk or AuditAction.Read) } && e.State == EntityState.Added).ToList())
        {
            stale.State = EntityState.Detached;
            pending.Remove(stale);
        }

        var changes = new List<RowChange>();
        foreach (var entry in pending)
        {
            if (AuditedRows.IsExcluded(entry.Metadata))
            {
                continue;
            }

            var type = AuditedRows.TypeName(entry.Metadata);
            if (BulkCoverage.IsCovered(db, type))
            {
                continue;
            }

            var action = entry.State switch { EntityState.Added => AuditAction.Created, EntityState.Deleted => AuditAction.Deleted, _ => AuditAction.Changed };
            changes.Add(new RowChange(entry, action, type, AuditedRows.CandidateOf(entry), AuditedRows.SubjectOf(entry)));
        }

        return changes;
    }

    /// <summary>Each subject's key: tracked (also one being removed in this save), stored, or new — never stored for a forgotten subject.</summary>
    private Dictionary<Guid, byte[]> LoadKeys(CrmDbContext db, List<Guid> ids, List<AuditSubjectKey> stored)
    {
        var keys = db.ChangeTracker.Entries<AuditSubjectKey>().Where(k => ids.Contains(k.Entity.CandidateId)).ToDictionary(k => k.Entity.CandidateId, k => k.Entity.Key);
        foreach (var key in stored)
        {
            keys.TryAdd(key.CandidateId, key.Key);
        }

        foreach (var id in ids.Where(id => !keys.ContainsKey(id)))
        {
            if (ForgottenSubjects.IsForgotten(db, id))
            {
                keys[id] = AuditCrypto.NewKey(); // thrown away after this save: the values read "(slettet)" from the start
                continue;
            }

            var key = new AuditSubjectKey { CandidateId = id, Key = AuditCrypto.NewKey(), CreatedAt = clock.GetUtcNow() };
            db.AuditSubjectKeys.Add(key);
            keys[id] = key.Key;
        }

        return keys;
    }

    private void Stage(CrmDbContext db, List<RowChange> changes, Dictionary<Guid, byte[]> keys)
    {
        var actor = Actor.FromPrincipal(http.HttpContext?.User);
        var now = clock.GetUtcNow();
        foreach (var change in changes)
        {
            var values = Values(change.Entry);
            if (change.Action == AuditAction.Changed && values.Count == 0)
            {
                continue; // only unaudited fields (security stamps, versions) changed
            }

            var json = JsonSerializer.Serialize(values, Json);
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                ActorUserId = actor?.UserId ?? AuditEntry.SystemUserId,
                ActorEmail = actor?.Email,
                ActorRole = actor?.Role.ToString() ?? AuditEntry.SystemRole,
                Action = change.Action,
                EntityType = change.EntityType,
                EntityId = AuditTrail.Truncate(AuditedRows.KeyOf(change.Entry), 200),
                CandidateId = change.CandidateId,
                Fields = AuditTrail.Truncate(string.Join(',', values.Keys), 2000),
                Changes = change.SubjectId is { } subject ? AuditCrypto.Encrypt(json, keys[subject], subject) : json,
            });
        }
    }

    /// <summary>Field → [old, new]: every audited field of an added or removed row, the changed ones of a changed row.</summary>
    private static SortedDictionary<string, object?[]> Values(EntityEntry entry)
    {
        var values = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (AuditedRows.IsExcludedField(property.Metadata.Name))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    values[property.Metadata.Name] = [null, property.CurrentValue];
                    break;
                case EntityState.Deleted:
                    values[property.Metadata.Name] = [property.OriginalValue, null];
                    break;
                case EntityState.Modified when property.IsModified && !Equals(JsonSerializer.Serialize(property.OriginalValue, Json), JsonSerializer.Serialize(property.CurrentValue, Json)):
                    values[property.Metadata.Name] = [property.OriginalValue, property.CurrentValue];
                    break;
            }
        }

        return values;
    }
}
