using CrmAlliance.Api.Core;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Infrastructure.Data;

public static class SaveChangesExtensions
{
    /// <summary>
    /// Saves in one transaction and turns the database's refusals into the core's: a lost optimistic
    /// concurrency race or a unique-key clash becomes <see cref="ConflictException"/>.
    /// </summary>
    public static async Task SaveOrConflictAsync(this CrmDbContext db, string conflictMessage, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("Someone else changed this record since you read it; reload and try again.", "input.version");
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(conflictMessage);
        }
    }

    /// <summary>Refuses an update made from a stale read before anything is changed.</summary>
    public static void CheckVersion(int current, int expected)
    {
        if (current != expected)
        {
            throw new ConflictException($"The record is at version {current} but you sent version {expected}; reload and try again.", "input.version");
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
