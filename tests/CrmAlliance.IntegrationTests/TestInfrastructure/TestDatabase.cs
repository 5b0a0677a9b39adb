using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>The database one test host runs on, created for it and removed afterwards.</summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>The value of <c>Database:Provider</c>.</summary>
    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public abstract CrmDbContext NewDbContext();

    /// <summary>Adds options to the host's own context (whichever provider's class it is).</summary>
    public abstract void ConfigureContext(IServiceCollection services, Action<DbContextOptionsBuilder> configure);

    public abstract void Dispose();
}

/// <summary>A SQLite file of its own under the temporary folder.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"crm-test-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={_file}";

    public override CrmDbContext NewDbContext()
        => new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite(ConnectionString).AddInterceptors(DanishCollation.SqliteCollationInterceptor.Instance).Options);

    public override void ConfigureContext(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        => services.ConfigureDbContext<SqliteCrmDbContext>(configure);

    public override void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>A database of its own on the PostgreSQL server named by <see cref="PostgresServer"/> (dropped afterwards).</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _name = "crm_test_" + TestData.UniqueLetters(12).ToLowerInvariant();

    public PostgresTestDatabase()
    {
        PostgresServer.Execute($"CREATE DATABASE \"{_name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = _name }.ConnectionString;
    }

    /// <summary>A PostgreSQL database where a server is configured; else SQLite, for a class whose tests are skipped anyway.</summary>
    public static TestDatabase WhereConfigured() => PostgresServer.MissingReason is null ? new PostgresTestDatabase() : new SqliteTestDatabase();

    public override string Provider => "PostgreSql";

    public override string ConnectionString { get; }

    public override CrmDbContext NewDbContext()
        => new PostgreSqlCrmDbContext(new DbContextOptionsBuilder<PostgreSqlCrmDbContext>().UseNpgsql(ConnectionString).AddInterceptors(CaseInsensitiveLikeInterceptor.Instance).Options);

    public override void ConfigureContext(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        => services.ConfigureDbContext<PostgreSqlCrmDbContext>(configure);

    public override void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        PostgresServer.Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }
}
