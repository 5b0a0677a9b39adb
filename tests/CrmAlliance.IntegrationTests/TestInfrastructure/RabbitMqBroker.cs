using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using RabbitMQ.Client;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// The real RabbitMQ that <c>.ci/run</c> installs from Debian and starts. Tests find it through
/// CRM_TEST_RABBITMQ_HOST and manage it with the rabbitmqctl in CRM_TEST_RABBITMQ_CTL; each test class
/// gets its own virtual host, so queues and leftovers never cross between tests or runs.
/// </summary>
public static class RabbitMqBroker
{
    public static string? Host => Environment.GetEnvironmentVariable("CRM_TEST_RABBITMQ_HOST");

    public static string? Ctl => Environment.GetEnvironmentVariable("CRM_TEST_RABBITMQ_CTL");

    public static string? Server => Environment.GetEnvironmentVariable("CRM_TEST_RABBITMQ_SERVER");

    public static string? MissingReason(bool needsRestart)
        => Host is null || Ctl is null ? "needs a RabbitMQ broker: set CRM_TEST_RABBITMQ_HOST and CRM_TEST_RABBITMQ_CTL (.ci/run installs and starts Debian's rabbitmq-server and sets them)."
            : needsRestart && Server is null ? "stops and restarts the broker: set CRM_TEST_RABBITMQ_SERVER to rabbitmq-server (.ci/run does)."
            : null;

    public static async Task<string> CreateVirtualHostAsync()
    {
        var name = "crm-test-" + Guid.NewGuid().ToString("N")[..12];
        await CtlAsync("add_vhost", name);
        await CtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return name;
    }

    public static Task DeleteVirtualHostAsync(string name) => CtlAsync("delete_vhost", name);

    /// <summary><c>rabbitmqctl shutdown</c>: the broker is gone until <see cref="StartAsync"/>.</summary>
    public static Task StopAsync() => CtlAsync("shutdown");

    /// <summary>
    /// <c>rabbitmq-server -detached</c>, then <c>rabbitmqctl await_startup</c>, repeated while the node
    /// is not yet registered (it answers "not running" for the first moments).
    /// </summary>
    public static async Task StartAsync()
    {
        await RunAsync(Server!, "-detached");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CtlAsync("await_startup");
                return;
            }
            catch (InvalidOperationException) when (attempt < 60)
            {
                await Task.Delay(1000);
            }
        }
    }

    public static async Task<IConnection> ConnectAsync(string virtualHost)
        => await new ConnectionFactory { HostName = Host!, VirtualHost = virtualHost }.CreateConnectionAsync();

    /// <summary>Messages ready in a queue, or null when the queue does not exist.</summary>
    public static async Task<uint?> QueueDepthAsync(string virtualHost, string queue)
    {
        await using var connection = await ConnectAsync(virtualHost);
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }

    /// <summary>The bodies of the messages in a queue, read and put back (nothing is consumed).</summary>
    public static async Task<IReadOnlyList<string>> PeekAsync(string virtualHost, string queue)
    {
        await using var connection = await ConnectAsync(virtualHost);
        await using var channel = await connection.CreateChannelAsync();
        var bodies = new List<string>();
        while (await channel.BasicGetAsync(queue, autoAck: false) is { } message)
        {
            bodies.Add(Encoding.UTF8.GetString(message.Body.Span));
        }

        return bodies;
    }

    /// <summary>The rows of a <c>rabbitmqctl list_*</c> command in a virtual host, e.g. <c>list_queues name type</c>, as tab-separated columns.</summary>
    public static async Task<IReadOnlyList<string[]>> ListAsync(string virtualHost, string what, params string[] columns)
    {
        var output = await CtlAsync([what, "-p", virtualHost, "--quiet", "--no-table-headers", .. columns]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => line.Split('\t')).ToList();
    }

    private static Task<string> CtlAsync(params string[] arguments) => RunAsync(Ctl!, arguments);

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }

        return await output;
    }
}

/// <summary>
/// A test that needs the real broker; skipped where there is none (never in CI). The reason is also put into the
/// skipped test's name, because <c>dotnet test</c>'s default output lists skipped tests by name only.
/// </summary>
public sealed class RabbitMqFactAttribute : FactAttribute
{
    public RabbitMqFactAttribute(bool restartsBroker = false, [CallerMemberName] string test = "")
    {
        Skip = RabbitMqBroker.MissingReason(restartsBroker);
        if (Skip is not null)
        {
            DisplayName = $"{test} (skipped: {Skip})";
        }
    }
}

/// <summary>Tests on the real broker run one at a time: one of them stops it.</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection
{
    public const string Name = "RabbitMQ";
}
