using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>The read model's stamp: when it was rebuilt and its version (raised by every save of the projection).</summary>
public readonly record struct YieldStamp(DateTimeOffset RebuiltAt, int Version)
{
    /// <summary>The stamp now, or null before the read model is first built.</summary>
    public static async Task<YieldStamp?> ReadAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var state = await db.YieldState.AsNoTracking().Select(s => new { s.RebuiltAt, s.Version }).SingleOrDefaultAsync(cancellationToken);
        return state is null ? null : new YieldStamp(state.RebuiltAt, state.Version);
    }

    /// <summary>
    /// Whether what was read at <paramref name="known"/> can be brought up to this stamp from the change log: the same
    /// build, a later version, and not so far behind that the log may have been pruned.
    /// </summary>
    public bool CanPatchFrom(YieldStamp known)
        => known.RebuiltAt == RebuiltAt && Version > known.Version && Version - known.Version <= YieldChange.RetainedVersions / 2;
}

/// <summary>Reads the companies the projection logged as changed (<see cref="YieldChange"/>) after a version.</summary>
public static class YieldChangeLog
{
    /// <summary>The companies changed after <paramref name="version"/>, at most <paramref name="limit"/> + 1 of them (more means "too many").</summary>
    /// <remarks>Which ones are cut off does not matter (more than the limit means a full read), but a limit without an
    /// order is nondeterministic to EF Core, which warns at every start (CoreEventId.RowLimitingOperationWithoutOrderByWarning).</remarks>
    public static Task<List<Guid>> ChangedAfterAsync(CrmDbContext db, int version, int limit, CancellationToken cancellationToken)
        => db.YieldChanges.AsNoTracking().Where(c => c.Version > version).Select(c => c.CompanyId).Distinct().OrderBy(id => id).Take(limit + 1).ToListAsync(cancellationToken);
}
