using System.Diagnostics;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>
/// The local RabbitMQ (Debian's <c>rabbitmq-server</c>), managed with <c>rabbitmqctl</c>: a virtual host of
/// the run's own, so queues and leftovers never mix with other runs or the integration tests.
/// </summary>
public static class RabbitMqVirtualHost
{
    public const string Host = "localhost";

    /// <summary>Waits for the broker, starting it (<c>rabbitmq-server -detached</c>) when it is not running; returns its version.</summary>
    public static async Task<string> EnsureRunningAsync(CancellationToken cancellationToken)
    {
        if (await TryRunAsync("rabbitmqctl", ["await_startup", "--timeout", "10"], cancellationToken) is null)
        {
            Console.WriteLine("RabbitMQ is not running: starting it with rabbitmq-server -detached.");
            await RunAsync("rabbitmq-server", ["-detached"], cancellationToken);

            // The node answers "not running" for its first moments: retry until it has registered and booted.
            for (var attempt = 1; await TryRunAsync("rabbitmqctl", ["await_startup"], cancellationToken) is null; attempt++)
            {
                if (attempt == 60)
                {
                    throw new InvalidOperationException("RabbitMQ did not start within a minute.");
                }

                await Task.Delay(1000, cancellationToken);
            }
        }

        return (await RunAsync("rabbitmqctl", ["version"], cancellationToken)).Trim();
    }

    public static async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var name = "crm-e2e-" + Guid.NewGuid().ToString("N")[..12];
        await RunAsync("rabbitmqctl", ["add_vhost", name], cancellationToken);
        await RunAsync("rabbitmqctl", ["set_permissions", "-p", name, "guest", ".*", ".*", ".*"], cancellationToken);
        return name;
    }

    /// <summary>Deletes the virtual host with its queues and exchanges; never cancelled, it is the clean-up.</summary>
    public static Task DeleteAsync(string name) => RunAsync("rabbitmqctl", ["delete_vhost", name], CancellationToken.None);

    private static async Task<string?> TryRunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(program, arguments, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task<string> RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }

        return await output;
    }
}
