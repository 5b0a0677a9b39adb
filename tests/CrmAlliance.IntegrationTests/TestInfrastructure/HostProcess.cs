using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// One of our hosts (the Api or the matching worker) as a child process on a fixed loopback port, configured through
/// its environment as a container would be: started, killed with its whole process tree, and started again on the
/// same address. Every output line is kept with the time it arrived.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly List<(DateTime At, string Line)> _lines = [];
    private Process? _process;

    private HostProcess(string name, string dll, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        _dll = dll;
        _settings = settings;
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
    }

    public string Name { get; }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines.Select(l => $"{l.At:HH:mm:ss.fff} {l.Line}"));
            }
        }
    }

    public static HostProcess Api(string name, IReadOnlyDictionary<string, string> settings) => new(name, BuildOutput("CrmAlliance.Api"), settings);

    public static HostProcess MatchingWorker(string name, IReadOnlyDictionary<string, string> settings) => new(name, BuildOutput("CrmAlliance.Matching.Worker"), settings);

    /// <summary>A project's build output next to this test's configuration (the test project references it, so it is built).</summary>
    public static string BuildOutput(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(Snapshots.RepositoryRoot(), "src", project, "bin", configuration, "net10.0", project + ".dll");
    }

    /// <summary>Starts the process and waits until it answers /health/ready; returns how long that took.</summary>
    public async Task<TimeSpan> StartAsync()
    {
        var clock = Stopwatch.StartNew();
        _process?.Dispose();
        _process = Launch(_dll, _settings, [$"--urls={Address}"], Record);
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < ReadyTimeout && !_process.HasExited)
        {
            if (await IsReadyAsync(http))
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        await KillAsync();
        throw new InvalidOperationException($"{Name} did not become ready in {ReadyTimeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>SIGKILL to the process and everything it started: nothing gets a chance to finish.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
    }

    /// <summary>When a line containing <paramref name="text"/> was first written after <paramref name="after"/>; waits for it.</summary>
    public async Task<DateTime> WaitForOutputAsync(string text, DateTime after, TimeSpan timeout)
    {
        DateTime? found = null;
        await Polling.WaitForAsync(
            () =>
            {
                lock (_lines)
                {
                    found = _lines.Where(l => l.At > after && l.Line.Contains(text, StringComparison.Ordinal)).Select(l => (DateTime?)l.At).FirstOrDefault();
                }

                return Task.FromResult(found is not null);
            },
            $"'{text}' in the output of {Name}",
            timeout);
        return found!.Value;
    }

    /// <summary>Runs one of the host's commands (e.g. the Api's <c>rebuild-yield</c>) to its end; returns its output.</summary>
    public static async Task<string> RunToEndAsync(string dll, IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var (exitCode, output) = await RunToExitAsync(dll, settings, arguments);
        Assert.True(exitCode == 0, $"'{string.Join(' ', arguments)}' exited with {exitCode}:\n{output}");
        return output;
    }

    /// <summary>Runs the program until it exits by itself (a command, or a refused start); killed after the start timeout.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string dll, IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var output = new List<string>();
        using var process = Launch(dll, settings, arguments, (_, line) =>
        {
            lock (output)
            {
                output.Add(line);
            }
        });
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', arguments)}' did not exit within {ReadyTimeout}:\n{string.Join('\n', output)}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, string.Join('\n', output));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Record(DateTime at, string line)
    {
        lock (_lines)
        {
            _lines.Add((at, line));
        }
    }

    private static async Task<bool> IsReadyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static Process Launch(string dll, IReadOnlyDictionary<string, string> settings, IEnumerable<string> arguments, Action<DateTime, string> onLine)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__CrmAlliance"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        void Read(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                onLine(DateTime.UtcNow, e.Data);
            }
        }

        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
