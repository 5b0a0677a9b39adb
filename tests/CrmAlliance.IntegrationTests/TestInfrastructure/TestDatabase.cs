using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>The database one test host — or several processes, as replicas — runs on, created for it and removed afterwards.</summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>The value of <c>Database:Provider</c>.</summary>
    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>The environment that points a child process (an Api replica, a command) at this database.</summary>
    public IReadOnlyDictionary<string, string> ProcessSettings => new Dictionary<string, string>
    {
        ["Database__Provider"] = Provider,
        ["ConnectionStrings__Crm"] = ConnectionString,
    };

    /// <summary>A PostgreSQL database where a server is configured (always in CI); else a SQLite file.</summary>
    public static TestDatabase PostgresWhereConfigured() => PostgresServer.MissingReason is null ? new PostgresTestDatabase() : new SqliteTestDatabase();

    public abstract CrmDbContext NewDbContext();

    /// <summary>Adds options to the host's own context (whichever provider's class it is).</summary>
    public abstract void ConfigureContext(IServiceCollection services, Action<DbContextOptionsBuilder> configure);

    public abstract void Dispose();
}

/// <summary>
/// A SQLite file of its own under the temporary folder. Processes may share it: write-ahead logging (the Api's
/// migration turns it on) lets readers go on while one writes, and the busy timeout makes a writer wait for another
/// process's write lock.
/// </summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"crm-test-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={_file}";

    public override CrmDbContext NewDbContext()
        => new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite(ConnectionString).AddInterceptors(SqliteBusyTimeoutInterceptor.Instance, DanishCollation.SqliteCollationInterceptor.Instance).Options);

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

    public override string Provider => "PostgreSql";

    public override string ConnectionString { get; }

    public override CrmDbContext NewDbContext()
        => new PostgreSqlCrmDbContext(new DbContextOptionsBuilder<PostgreSqlCrmDbContext>().UseNpgsql(ConnectionString).AddInterceptors(CaseInsensitiveLikeInterceptor.Instance).Options);

    public override void ConfigureContext(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        => services.ConfigureDbContext<PostgreSqlCrmDbContext>(configure);

    public override void Dispose()
    {
        // FORCE ends the sessions it finds, but a session still being opened (a host's background work winding down)
        // can make the drop fail now and then (seen twice in CI as a class clean-up failure): try again briefly.
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                PostgresServer.Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException) when (attempt < 10)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
