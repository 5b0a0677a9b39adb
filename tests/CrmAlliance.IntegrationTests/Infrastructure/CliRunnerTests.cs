using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Data.Sqlite;

namespace CrmAlliance.IntegrationTests.Infrastructure;

/// <summary>What an operator meets when a command cannot reach its database: a line saying so, exit code 1, no stack trace.</summary>
public sealed class CliRunnerTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_database_that_cannot_be_opened_is_reported_in_one_line_with_exit_code_1()
    {
        var output = new StringWriter();

        // As the host's start-up work (migrating) meets a Data Source in a folder that does not exist.
        var exit = await CliRunner.RunAsync(factory.Services, ["rebuild-yield"], output, async token =>
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "crm.db")}");
            await connection.OpenAsync(token);
        });

        Assert.Equal(1, exit);
        Assert.StartsWith("rebuild-yield: the database could not be used: SQLite Error 14: 'unable to open database file'", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", output.ToString(), StringComparison.Ordinal);
    }
}
