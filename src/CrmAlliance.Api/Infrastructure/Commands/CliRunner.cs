namespace CrmAlliance.Api.Infrastructure.Commands;

/// <summary>
/// Runs a command-line command instead of the web host when the first argument names one
/// (<c>dotnet run --project src/CrmAlliance.Api -- seed --companies 500</c>). Ctrl+C cancels the command's
/// token; the command rolls back what it had not committed.
/// </summary>
public static class CliRunner
{
    /// <summary>The command named by the first argument, if any; "help" lists them.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    /// <summary>Configuration arguments (<c>--Section:Key=value</c>) go to the host; the rest to the command.</summary>
    public static (string[] HostArgs, string[] CommandArgs) Split(string[] args)
    {
        var rest = args.Skip(1).ToList();
        var host = rest.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        return (host, rest.Except(host).ToArray());
    }

    public static async Task<int> RunAsync(IServiceProvider services, string name, string[] commandArgs, TextWriter output)
    {
        var commands = services.GetServices<ICliCommand>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var command = commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            await output.WriteLineAsync(name is "help" or "--help" ? "Commands:" : $"Unknown command '{name}'. Commands:");
            foreach (var known in commands)
            {
                await output.WriteLineAsync($"  {known.Name,-18} {known.Summary}");
            }

            await output.WriteLineAsync("Without a command the web host starts. '<command> --help' shows a command's options.");
            return name is "help" or "--help" ? 0 : 2;
        }

        var arguments = new CliArguments(commandArgs);
        if (arguments.HasFlag("help"))
        {
            await output.WriteLineAsync($"{command.Name}: {command.Summary}{Environment.NewLine}{command.Usage}");
            return 0;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            output.WriteLine();
            output.WriteLine("Interrupted: stopping and rolling back what is not committed …");
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await command.RunAsync(arguments, cancellation.Token);
        }
        catch (CliUsageException e)
        {
            await output.WriteLineAsync($"{command.Name}: {e.Message}{Environment.NewLine}{command.Usage}");
            return 2;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await output.WriteLineAsync($"{command.Name}: interrupted; nothing half-written was kept.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
