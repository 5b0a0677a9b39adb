using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmAlliance.IntegrationTests.Infrastructure.Data;

/// <summary>Each provider's migrations cover the model, and schema/*.sql are their current scripts.</summary>
public sealed class MigrationDriftTests
{
    [Fact]
    public void The_SQLite_migrations_cover_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no SQLite migration covers: add a migration (see README).");
    }

    [Fact]
    public void The_SQL_Server_migrations_cover_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no SQL Server migration covers: add a migration (see README).");
    }

    [Fact]
    public void The_PostgreSQL_migrations_cover_the_model()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no PostgreSQL migration covers: add a migration (see README).");
    }

    [Fact]
    public void The_PostgreSQL_script_is_the_idempotent_script_of_the_migrations()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Snapshots.AssertMatches("schema/postgresql.sql", script);
    }

    [PostgresFact]
    public async Task The_PostgreSQL_script_builds_a_database_the_app_can_use_and_runs_again_as_a_no_op()
    {
        using var database = new PostgresTestDatabase();
        await using (var db = database.NewDbContext())
        {
            var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
            await db.Database.ExecuteSqlRawAsync(script);
            await db.Database.ExecuteSqlRawAsync(script);
        }

        await using (var db = database.NewDbContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Companies.CountAsync());
        }
    }

    [Fact]
    public void The_SQL_Server_script_is_the_idempotent_script_of_the_migrations()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Snapshots.AssertMatches("schema/sqlserver.sql", script);
    }

    [Fact]
    public void The_SQLite_script_is_the_full_script_of_the_migrations()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript();

        Snapshots.AssertMatches("schema/sqlite.sql", script);
    }

    [Fact]
    public async Task The_SQLite_script_builds_a_database_the_app_can_use()
    {
        var file = Path.Combine(Path.GetTempPath(), $"crm-script-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite($"Data Source={file}").Options;
            await using (var db = new SqliteCrmDbContext(options))
            {
                // The script as generated: the test above shows schema/sqlite.sql is the same text.
                var script = db.GetService<IMigrator>().GenerateScript();
                await db.Database.ExecuteSqlRawAsync(script);
            }

            await using (var db = new SqliteCrmDbContext(options))
            {
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(0, await db.Companies.CountAsync());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
