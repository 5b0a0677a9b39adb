using Npgsql;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// The PostgreSQL server the tests may use: <c>CRM_TEST_POSTGRES</c> holds a connection string whose user may create
/// databases (CI starts Debian's server and sets it). Each test host gets a database of its own on it.
/// </summary>
public static class PostgresServer
{
    public const string Setting = "CRM_TEST_POSTGRES";

    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Setting) is { Length: > 0 } value ? value : null;

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? MissingReason => ConnectionString is null ? $"no PostgreSQL server: set {Setting} to a connection string whose user may create databases (.ci/run does)" : null;

    public static void Execute(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(ConnectionString ?? throw new InvalidOperationException(MissingReason)) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(server.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A test that needs the PostgreSQL server; skipped where there is none (never in CI), with the reason in its name.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        Skip = PostgresServer.MissingReason;
        if (Skip is not null)
        {
            DisplayName = $"{test} (skipped: {Skip})";
        }
    }
}
