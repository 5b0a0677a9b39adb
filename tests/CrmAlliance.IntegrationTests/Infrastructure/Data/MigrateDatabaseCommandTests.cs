using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.Data;

/// <summary>
/// docker-compose.yml's start order on a real process and SQLite file: replicas with <c>Database:MigrateOnStart=false</c>
/// refuse a database with pending migrations; the one-shot <c>migrate</c> command applies them; then the replicas start.
/// </summary>
public sealed class MigrateDatabaseCommandTests : IDisposable
{
    private const string NoMigrationOnStart = "Database__MigrateOnStart=false";
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-migrate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_replica_that_does_not_migrate_refuses_a_new_database_and_starts_once_the_migrate_command_ran()
    {
        var database = Path.Combine(_folder, "crm.db");

        var (refusedExit, refused) = await ApiProcess.RunToExitAsync(database, [NoMigrationOnStart], "--urls=http://127.0.0.1:0");
        Assert.True(refusedExit == 1, $"exit {refusedExit}:\n{refused}");
        Assert.Contains("Database:MigrateOnStart is false", refused, StringComparison.Ordinal);
        Assert.Contains("migrate", refused, StringComparison.Ordinal);

        var migrated = await ApiProcess.RunCommandAsync(database, "migrate");
        Assert.Contains("The database is up to date", migrated, StringComparison.Ordinal);

        // Two replicas at once on the migrated database, as docker-compose.yml starts them.
        await using var first = await ApiProcess.StartAsync(database, NoMigrationOnStart);
        await using var second = await ApiProcess.StartAsync(database, NoMigrationOnStart);
        await first.SignInAsync(ApiProcess.AdminEmail, ApiProcess.AdminPassword);
        await second.SignInAsync(ApiProcess.AdminEmail, ApiProcess.AdminPassword);
        Assert.DoesNotContain("applying", first.Output + second.Output, StringComparison.Ordinal);
    }
}
