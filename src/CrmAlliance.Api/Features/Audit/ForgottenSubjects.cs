using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Audit;

/// <summary>
/// The subjects a context has forgotten (<see cref="AuditTrail.ForgetAsync"/>), until the context is disposed or goes
/// back to the pool (<see cref="Clear"/>). A subject
/// may have had no key to remove — a candidate written by a bulk import, a row older than the trail — and the erasing
/// save's own entries must then not create one: they are sealed under a key that is never stored.
/// </summary>
public static class ForgottenSubjects
{
    private static readonly ConditionalWeakTable<DbContext, HashSet<Guid>> Forgotten = [];

    public static void Mark(DbContext db, Guid subjectId)
    {
        var forgotten = Forgotten.GetOrCreateValue(db);
        lock (forgotten)
        {
            forgotten.Add(subjectId);
        }
    }

    /// <summary>Forgets the marks: a pooled context serves the next request as if new.</summary>
    public static void Clear(DbContext db) => Forgotten.Remove(db);

    public static bool IsForgotten(DbContext db, Guid subjectId)
    {
        if (!Forgotten.TryGetValue(db, out var forgotten))
        {
            return false;
        }

        lock (forgotten)
        {
            return forgotten.Contains(subjectId);
        }
    }
}
