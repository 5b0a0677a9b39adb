using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Audit;

/// <summary>The entity types a bulk entry stands for, per context, while its operation saves.</summary>
public static class BulkCoverage
{
    private static readonly ConditionalWeakTable<DbContext, HashSet<string>> Covered = [];

    public static IDisposable None { get; } = new Scope(null, []);

    public static IDisposable Cover(DbContext db, IReadOnlyCollection<string> entityTypes)
    {
        var covered = Covered.GetOrCreateValue(db);
        lock (covered)
        {
            covered.UnionWith(entityTypes);
        }

        return new Scope(db, entityTypes);
    }

    public static bool IsCovered(DbContext db, string entityType)
    {
        if (!Covered.TryGetValue(db, out var covered))
        {
            return false;
        }

        lock (covered)
        {
            return covered.Contains(entityType);
        }
    }

    private sealed class Scope(DbContext? db, IReadOnlyCollection<string> entityTypes) : IDisposable
    {
        public void Dispose()
        {
            if (db is not null && Covered.TryGetValue(db, out var covered))
            {
                lock (covered)
                {
                    covered.ExceptWith(entityTypes);
                }
            }
        }
    }
}
