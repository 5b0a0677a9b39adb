using System.Diagnostics;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmAlliance.IntegrationTests.Infrastructure.Data;

/// <summary>
/// The README's PostgreSQL backup and restore ("Deployment"): <c>pg_dump -Fc</c> while consultants write; the rollback's
/// <c>pg_restore --single-transaction</c> into an empty database, where the Api's model, data, audit chain and
/// append-only trigger are all there; and the in-place <c>pg_restore --clean --if-exists --single-transaction</c> over
/// a database that moved on since the dump, which puts it back to the dump.
/// </summary>
public sealed class PostgresBackupTests(PostgresApiFactory factory) : IClassFixture<PostgresApiFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-pg-backup-").FullName;
    private readonly string _restored = "crm_restore_" + TestData.UniqueLetters(10).ToLowerInvariant();

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        if (PostgresServer.MissingReason is null)
        {
            NpgsqlConnection.ClearAllPools();
            PostgresServer.Execute($"DROP DATABASE IF EXISTS \"{_restored}\" WITH (FORCE)");
        }
    }

    [PostgresFact]
    public async Task A_dump_taken_while_consultants_write_restores_to_a_database_the_app_can_use()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var before = await consultant.RegisterCompanyAsync("Før backup " + TestData.UniqueLetters(6));
        var dump = Path.Combine(_folder, "crmalliance.dump");
        var source = new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString);

        await BackgroundWrites.WhileRegisteringCompaniesAsync(consultant, () => RunAsync("pg_dump", source, "-Fc", "-f", dump, source.Database!));

        PostgresServer.Execute($"CREATE DATABASE \"{_restored}\"");
        await RunAsync("pg_restore", source, "-d", _restored, "--single-transaction", dump);

        var target = new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString) { Database = _restored };
        await using var restored = new PostgreSqlCrmDbContext(new DbContextOptionsBuilder<PostgreSqlCrmDbContext>().UseNpgsql(target.ConnectionString).Options);
        Assert.Empty(await restored.Database.GetPendingMigrationsAsync());
        var beforeId = Api.Infrastructure.GraphQL.GlobalId.Parse(before, "Company", "id");
        Assert.True(await restored.Companies.AnyAsync(c => c.Id == beforeId));
        Assert.Null((await AuditChain.VerifyAsync(restored, CancellationToken.None)).Break);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => restored.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);

        var companies = await restored.Companies.CountAsync();
        var afterDump = await restored.Companies.FirstAsync();
        afterDump.Name = "Efter backup " + TestData.UniqueLetters(6);
        await restored.SaveChangesAsync();
        await RunAsync("pg_restore", source, "-d", _restored, "--clean", "--if-exists", "--single-transaction", dump);
        restored.ChangeTracker.Clear();
        Assert.Equal(companies, await restored.Companies.CountAsync());
        Assert.False(await restored.Companies.AnyAsync(c => c.Name == afterDump.Name));
    }

    /// <summary>Runs a PostgreSQL client tool against the test server (password through the environment, never the command line).</summary>
    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder server, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username!, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = server.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await error}{await output}");
    }
}
