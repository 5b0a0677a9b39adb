using System.CommandLine;
using System.CommandLine.Help;
using System.Data.Common;

namespace CrmAlliance.Api.Infrastructure.Commands;

/// <summary>
/// Runs a command-line command instead of the web host when the first argument names one
/// (<c>dotnet run --project src/CrmAlliance.Api -- rebuild-yield</c>), parsed with System.CommandLine.
/// Exit codes: 0 done (or help), 1 refused or failed (also when the database cannot be used), 2 bad usage, 130 interrupted.
/// </summary>
public static class CliRunner
{
    private const string HelpCommand = "help";

    /// <summary>True when the first argument is a word (a command or <c>help</c>) rather than an option for the web host.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    /// <summary>Configuration arguments (<c>--Section:Key=value</c>) go to the host; the rest to the command.</summary>
    public static (string[] HostArgs, string[] CommandArgs) Split(IEnumerable<string> args)
    {
        var list = args.ToList();
        var host = list.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        return (host, list.Except(host).ToArray());
    }

    /// <summary>
    /// Parses <paramref name="args"/> (the command's name first) and runs the command in a scope of <paramref name="services"/>,
    /// after <paramref name="beforeRun"/> (the host's migration and start-up work, which help and usage errors skip).
    /// </summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, Func<CancellationToken, Task>? beforeRun = null, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var root = new RootCommand("CrmAlliance's commands. Without a command the web host starts; configuration is given as --Section:Key=value (e.g. --ConnectionStrings:Crm=\"Data Source=crm.db\").");
        var commands = new Dictionary<Command, ICliCommand>();
        foreach (var command in scope.ServiceProvider.GetServices<ICliCommand>().OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var definition = command.CreateDefinition();
            root.Subcommands.Add(definition);
            commands[definition] = command;
        }

        root.Subcommands.Add(new Command(HelpCommand, "List the commands; '<command> --help' shows a command's options."));
        var parsed = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = output, Error = output };
        if (parsed.Action is HelpAction || parsed.CommandResult.Command.Name == HelpCommand)
        {
            return await root.Parse(parsed.CommandResult.Command.Name == HelpCommand ? ["--help"] : args).InvokeAsync(invocation, cancellationToken);
        }

        if (!commands.TryGetValue(parsed.CommandResult.Command, out var selected))
        {
            await output.WriteLineAsync($"Unknown command '{(args.Count > 0 ? args[0] : "")}'.");
            await root.Parse(["--help"]).InvokeAsync(invocation, cancellationToken);
            return 2;
        }

        if (parsed.Errors.Count > 0)
        {
            return await UsageErrorAsync(selected, string.Join(" ", parsed.Errors.Select(e => e.Message)), output);
        }

        try
        {
            return await CliCancellation.RunAsync(selected.Name, output, async token =>
            {
                if (beforeRun is not null)
                {
                    await beforeRun(token);
                }

                return await selected.RunAsync(parsed, output, token);
            }, cancellationToken);
        }
        catch (CliUsageException e)
        {
            return await UsageErrorAsync(selected, e.Message, output);
        }
        catch (DbException e)
        {
            // A database that cannot be opened or used (wrong path, no server, no rights): the operator's to mend, not a crash.
            await output.WriteLineAsync($"{selected.Name}: the database could not be used: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> UsageErrorAsync(ICliCommand command, string message, TextWriter output)
    {
        await output.WriteLineAsync($"{command.Name}: {message}{Environment.NewLine}{command.Usage}{Environment.NewLine}'{command.Name} --help' shows every option.");
        return 2;
    }
}
