extern alias api;
using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>
/// The real Api — its own Program.cs: migrations, bus, outbox dispatcher, consumers, snapshot endpoint —
/// served by Kestrel on 127.0.0.1 (the worker fetches its snapshot over real HTTP), in production mode,
/// with the trace observers added to its bus.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<api::Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly VacancyTraces _traces;

    public ApiHost(IReadOnlyDictionary<string, string> settings, VacancyTraces traces, int port)
    {
        _settings = settings;
        _traces = traces;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(ApiContentRoot());
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton(_traces);
            services.AddSingleton<ApiTraceObserver>();
            services.AddPublishObserver(provider => provider.GetRequiredService<ApiTraceObserver>());
            services.AddConsumeObserver(provider => provider.GetRequiredService<ApiTraceObserver>());
        });
    }

    /// <summary>
    /// The Api's project folder (its appsettings.json), from the manifest Mvc.Testing writes next to this program:
    /// the factory itself only looks for that file in the current directory, which <c>dotnet run</c> leaves at the caller's.
    /// </summary>
    internal static string ApiContentRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))
            ?? throw new InvalidOperationException($"{manifest} is empty.");
        var api = typeof(api::Program).Assembly.FullName!;
        return roots.TryGetValue(api, out var root) ? root : throw new InvalidOperationException($"{manifest} names no content root for {api}.");
    }
}
