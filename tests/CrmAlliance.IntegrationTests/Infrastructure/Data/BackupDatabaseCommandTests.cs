using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Infrastructure.Data;

/// <summary><c>backup-database</c>: an online copy of the SQLite database that restores to a working database.</summary>
public sealed class BackupDatabaseCommandTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-backup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_backup_taken_while_consultants_write_restores_to_a_database_with_every_committed_company()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var before = await consultant.RegisterCompanyAsync("Før backup " + TestData.UniqueLetters(6));
        var target = Path.Combine(_folder, "crm-backup.db");
        var output = new StringWriter();
        var exit = 0;

        await BackgroundWrites.WhileRegisteringCompaniesAsync(consultant, async () => exit = await CliRunner.RunAsync(factory.Services, ["backup-database", "--to", target], output));

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("integrity ok", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(target + ".partial"));

        // Restoring is using the copy as the database: it is fully migrated and holds what was committed before.
        var options = new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite($"Data Source={target};Pooling=False").Options;
        await using var restored = new SqliteCrmDbContext(options);
        Assert.Empty(await restored.Database.GetPendingMigrationsAsync());
        var beforeId = Api.Infrastructure.GraphQL.GlobalId.Parse(before, "Company", "id");
        Assert.True(await restored.Companies.AnyAsync(c => c.Id == beforeId));
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file()
    {
        var target = Path.Combine(_folder, "existing.db");
        await File.WriteAllTextAsync(target, "the user's file");
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["backup-database", "--to", target], output);

        Assert.Equal(1, exit);
        Assert.Contains("choose a new file name", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("the user's file", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task Without_a_target_the_runner_prints_the_usage()
    {
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["backup-database"], output);

        Assert.Equal(2, exit);
        Assert.Contains("--to", output.ToString(), StringComparison.Ordinal);
    }
}
