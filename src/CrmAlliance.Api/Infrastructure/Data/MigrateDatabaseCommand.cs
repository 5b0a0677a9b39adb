using System.CommandLine;
using CrmAlliance.Api.Infrastructure.Commands;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>
/// <c>migrate</c>: brings the database up to date and exits. Like every command it runs after the host's start-up work
/// (migrations, roles and first Admin, the yield read model), so there is nothing left for it but to check and say so.
/// Run once before Api replicas that start with <c>Database:MigrateOnStart=false</c> (docker-compose.yml's migrate service):
/// one process migrates, and a failed migration stops the deployment before any replica serves.
/// </summary>
public sealed class MigrateDatabaseCommand(CrmDbContext db) : ICliCommand
{
    public string Name => "migrate";

    public string Usage => "Usage: migrate";

    public Command CreateDefinition() => new(Name, "Apply the database's pending migrations (and create the roles and first Admin), then exit.");

    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await output.WriteLineAsync($"{pending.Count} migration(s) still pending after the start-up: {string.Join(", ", pending)}.");
            return 1;
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        await output.WriteLineAsync($"The database is up to date: {applied.Count} migrations applied, the latest {applied.LastOrDefault() ?? "none"}.");
        return 0;
    }
}
