using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// The built Api (<c>dotnet CrmAlliance.Api.dll</c>) as a child process on a SQLite file, listening on a free
/// loopback port: for what an in-process host cannot show, such as the process being killed.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@crash.local";
    public const string AdminPassword = "Genstart-Efter-Nedbrud-2026";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private ApiProcess(Process process, StringBuilder output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The Api's build output next to this test's configuration (the test project references it, so it is built).</summary>
    public static string ApiDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(Snapshots.RepositoryRoot(), "src", "CrmAlliance.Api", "bin", configuration, "net10.0", "CrmAlliance.Api.dll");
    }

    /// <summary>Starts the Api on <paramref name="database"/> (with <paramref name="settings"/>, e.g. <c>--Section:Key=value</c>) and waits until it answers /health/ready.</summary>
    public static async Task<ApiProcess> StartAsync(string database, params string[] settings)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = Start(database, [$"--urls={address}", .. settings]);
        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        Pump(process, output);
        var api = new ApiProcess(process, output, address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await api.DisposeAsync();
        throw new InvalidOperationException($"The Api did not become ready in {StartTimeout}:\n{api.Output}");
    }

    /// <summary>Runs one of the Api's commands (e.g. <c>rebuild-yield</c>) on <paramref name="database"/> to its end.</summary>
    public static async Task<string> RunCommandAsync(string database, params string[] arguments)
    {
        var (exitCode, output) = await RunToExitAsync(database, arguments);
        Assert.True(exitCode == 0, $"'{string.Join(' ', arguments)}' exited with {exitCode}:\n{output}");
        return output;
    }

    /// <summary>Runs the Api with <paramref name="arguments"/> on <paramref name="database"/> until it exits by itself (a command, or a refused start).</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string database, params string[] arguments)
    {
        var output = new StringBuilder();
        using var process = Process.Start(Start(database, arguments)) ?? throw new InvalidOperationException("dotnet did not start.");
        Pump(process, output);
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', arguments)}' did not exit within {StartTimeout}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>A client signed in through /auth/login with the bearer token.</summary>
    public async Task<GraphQLClient> SignInAsync(string email, string password)
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync("/auth/login", new { email, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Sign-in of {email} failed: {response.StatusCode}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new GraphQLClient(http);
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static ProcessStartInfo Start(string database, IEnumerable<string> arguments)
    {
        var dll = ApiDll();
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

        start.ArgumentList.Add($"--ConnectionStrings:Crm=Data Source={database}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["Bootstrap__AdminEmail"] = AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__CrmAlliance"] = "Information";
        return start;
    }

    private static void Pump(Process process, StringBuilder output)
    {
        void Read(object? sender, DataReceivedEventArgs e)
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        }

        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
