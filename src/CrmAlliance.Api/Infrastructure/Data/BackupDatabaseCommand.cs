using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrmAlliance.Api.Infrastructure.Commands;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>
/// <c>backup-database --to FILE</c>: a consistent copy of the embedded SQLite database through SQLite's online backup,
/// taken while the Api runs (write-ahead logging lets writers go on). The copy is written under a temporary name,
/// checked (<c>PRAGMA integrity_check</c>, its migrations) and only then given its name, so an interrupted backup never
/// leaves a file that looks complete. Restoring is copying the file back while the Api is stopped (README, "Backup").
/// SQL Server and other servers are backed up with their own tools.
/// </summary>
public sealed class BackupDatabaseCommand(CrmDbContext db) : ICliCommand
{
    private const string To = "--to";

    public string Name => "backup-database";

    public string Usage => "Usage: backup-database --to <file.db>";

    public Command CreateDefinition() => new(Name, "Copy the embedded SQLite database to a new file while the Api runs, and check the copy.")
    {
        new Option<string>(To) { HelpName = "file.db", Description = "the new file (an existing file is never overwritten)", Required = true },
    };

    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            await output.WriteLineAsync("backup-database copies the embedded SQLite database; back up a server database with its own tools (README, \"Backup\").");
            return 1;
        }

        var target = Path.GetFullPath(parsed.GetValue<string>(To) ?? throw new CliUsageException($"{To} <file.db> is required."));
        if (File.Exists(target))
        {
            await output.WriteLineAsync($"{target} exists: choose a new file name (a backup never overwrites a file).");
            return 1;
        }

        var partial = target + ".partial";
        File.Delete(partial);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var source = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            string integrity;
            long migrations;
            await using (var copy = new SqliteConnection($"Data Source={partial};Pooling=False"))
            {
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
                (integrity, migrations) = await CheckAsync(copy, cancellationToken);
            }

            if (integrity != "ok")
            {
                await output.WriteLineAsync($"The copy failed its integrity check ({integrity}); nothing was kept.");
                return 1;
            }

            File.Move(partial, target);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Backed up {source.DataSource} to {target} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s: {new FileInfo(target).Length / 1048576.0:N1} MB, {migrations} migrations, integrity ok."));
            return 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            File.Delete(partial);
        }
    }

    private static async Task<(string Integrity, long Migrations)> CheckAsync(SqliteConnection copy, CancellationToken cancellationToken)
    {
        await using var command = copy.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var integrity = (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "no answer";
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory;";
        var migrations = (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
        return (integrity, migrations);
    }
}
