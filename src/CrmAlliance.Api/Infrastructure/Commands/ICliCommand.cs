using System.CommandLine;

namespace CrmAlliance.Api.Infrastructure.Commands;

/// <summary>
/// A long-running task started from the command line instead of the web host
/// (<c>dotnet run --project src/CrmAlliance.Api -- &lt;name&gt; [options]</c>): rebuild-yield, import-outcomes.
/// Commands run after the database is migrated, in a scope of the host's services but without its background
/// services, and receive a token that Ctrl+C cancels: a cancelled command must leave no half-written data.
/// </summary>
public interface ICliCommand
{
    /// <summary>The first command-line word that selects this command.</summary>
    string Name { get; }

    /// <summary>How to call it, in one line, printed after a usage error.</summary>
    string Usage { get; }

    /// <summary>A new definition (description, arguments, options with their help) for the runner's root command.</summary>
    Command CreateDefinition();

    /// <summary>Runs the command with the parsed values; returns the process exit code. A bad value throws <see cref="CliUsageException"/>.</summary>
    Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken);
}

/// <summary>Thrown for a bad option; the runner prints the message and the command's usage and exits with 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
