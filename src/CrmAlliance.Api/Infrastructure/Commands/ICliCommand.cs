namespace CrmAlliance.Api.Infrastructure.Commands;

/// <summary>
/// A long-running task started from the command line instead of the web host
/// (<c>dotnet run --project src/CrmAlliance.Api -- &lt;name&gt; [options]</c>): seed, rebuild-yield, import-outcomes.
/// Commands run after the database is migrated, with the host's services but without its background services,
/// and receive a token that Ctrl+C cancels: a cancelled command must leave no half-written data.
/// </summary>
public interface ICliCommand
{
    /// <summary>The first command-line word that selects this command.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The options, one per line, printed by <c>&lt;name&gt; --help</c> and after a usage error.</summary>
    string Usage { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken);
}

/// <summary>Thrown for a bad option; the runner prints the message and the command's usage and exits with 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
