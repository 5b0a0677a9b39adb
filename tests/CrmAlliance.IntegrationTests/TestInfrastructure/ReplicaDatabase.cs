using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// The one database several Api processes share: the pair every process is handed (<c>Database__Provider</c>,
/// <c>ConnectionStrings__Crm</c>) and a context for the test to assert with. <see cref="CreateAsync"/> picks the engine.
/// </summary>
public abstract class ReplicaDatabase : IAsyncDisposable
{
    /// <summary><c>Database:Provider</c> as the Api reads it, e.g. <c>Sqlite</c>.</summary>
    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>The environment that points a child process at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database__Provider"] = Provider,
        ["ConnectionStrings__Crm"] = ConnectionString,
    };

    /// <summary>
    /// A fresh database for one test (empty: the Api processes migrate it): PostgreSQL where a server is configured
    /// (<see cref="PostgresServer"/>; always in CI), else one SQLite file shared by the processes.
    /// </summary>
    public static Task<ReplicaDatabase> CreateAsync()
        => Task.FromResult<ReplicaDatabase>(PostgresServer.MissingReason is null ? new PostgresReplicaDatabase() : new SqliteReplicaDatabase());

    public abstract CrmDbContext NewDbContext();

    public abstract ValueTask DisposeAsync();
}

/// <summary>
/// One SQLite file shared by processes: write-ahead logging (the Api's migration turns it on) lets readers go on while
/// one process writes, and each process's busy timeout makes a writer wait for another process's write lock.
/// </summary>
public sealed class SqliteReplicaDatabase : ReplicaDatabase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"crm-replicas-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={_file}";

    public override CrmDbContext NewDbContext()
        => new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>()
            .UseSqlite(ConnectionString)
            .AddInterceptors(SqliteBusyTimeoutInterceptor.Instance, DanishCollation.SqliteCollationInterceptor.Instance)
            .Options);

    public override ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("CRM_TEST_KEEP_DATABASE") != "1")
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(file);
            }
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A PostgreSQL database of its own on the test server, shared by the processes (dropped afterwards).</summary>
public sealed class PostgresReplicaDatabase : ReplicaDatabase
{
    private readonly PostgresTestDatabase _database = new();

    public override string Provider => _database.Provider;

    public override string ConnectionString => _database.ConnectionString;

    public override CrmDbContext NewDbContext() => _database.NewDbContext();

    public override ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }
}
