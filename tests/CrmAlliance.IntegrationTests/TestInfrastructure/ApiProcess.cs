using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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

    private readonly HostProcess _host;

    private ApiProcess(HostProcess host) => _host = host;

    public Uri Address => _host.Address;

    public string Output => _host.Output;

    /// <summary>
    /// Starts the Api on <paramref name="database"/> (with <paramref name="settings"/>, environment style, e.g.
    /// <c>Database__MigrateOnStart=false</c>) and waits until it answers /health/ready.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(string database, params string[] settings)
    {
        var host = HostProcess.Api("api", Settings(database, settings));
        await host.StartAsync();
        return new ApiProcess(host);
    }

    /// <summary>Runs one of the Api's commands (e.g. <c>rebuild-yield</c>) on <paramref name="database"/> to its end.</summary>
    public static Task<string> RunCommandAsync(string database, params string[] arguments)
        => HostProcess.RunToEndAsync(HostProcess.BuildOutput("CrmAlliance.Api"), Settings(database, []), arguments);

    /// <summary>Runs the Api with <paramref name="arguments"/> on <paramref name="database"/> until it exits by itself (a command, or a refused start).</summary>
    public static Task<(int ExitCode, string Output)> RunToExitAsync(string database, string[] settings, params string[] arguments)
        => HostProcess.RunToExitAsync(HostProcess.BuildOutput("CrmAlliance.Api"), Settings(database, settings), arguments);

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
    public Task KillAsync() => _host.KillAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static Dictionary<string, string> Settings(string database, string[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Crm"] = $"Data Source={database}",
            ["Bootstrap__AdminEmail"] = AdminEmail,
            ["Bootstrap__AdminPassword"] = AdminPassword,
        };
        foreach (var setting in extra)
        {
            var (key, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            settings[key] = value;
        }

        return settings;
    }
}
