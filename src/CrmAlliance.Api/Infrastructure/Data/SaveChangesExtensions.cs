using CrmAlliance.Api.Core;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmAlliance.Api.Infrastructure.Data;

public static class SaveChangesExtensions
{
    /// <summary>
    /// Saves in one transaction and turns the database's refusals into the core's: a lost optimistic
    /// concurrency race or a unique-key clash becomes <see cref="ConflictException"/>.
    /// </summary>
    public static async Task SaveOrConflictAsync(this CrmDbContext db, RefusalText conflict, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex) when (ex.Entries.Any(e => e.Entity is RuleStamp))
        {
            db.ChangeTracker.Clear();
            throw RaceLost();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(RefusalText.Of("Core.ChangedSinceRead"), "input.version");
        }
        catch (DbUpdateException ex) when (IsLostRace(ex) || (IsUniqueViolation(ex) && db.ChangeTracker.Entries<RuleStamp>().Any(e => e.State == EntityState.Added)))
        {
            // A first stamp inserted by two writers at once, or a deadlock, or a snapshot/serialization conflict.
            db.ChangeTracker.Clear();
            throw RaceLost();
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(conflict);

        }
    }

    /// <summary>Refuses an update made from a stale read before anything is changed.</summary>
    public static void CheckVersion(int current, int expected)
    {
        if (current != expected)
        {
            throw new ConflictException(RefusalText.Of("Core.StaleVersion", ("current", current), ("sent", expected)), "input.version");
        }
    }

    private static ConflictException RaceLost()
        => new(RefusalText.Of("Core.RaceLost")) { RaceLost = true };


    /// <summary>
    /// Chosen as deadlock victim (SQL Server 1205, PostgreSQL 40P01), or a snapshot-isolation update conflict (SQL Server
    /// 3960) or serialization failure (PostgreSQL 40001).
    /// </summary>
    private static bool IsLostRace(DbUpdateException ex) => ex.InnerException switch
    {
        SqlException sql => sql.Number is 1205 or 3960,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        _ => false,
    };

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sql => sql.Number is 2601 or 2627,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
