extern alias api;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using api::CrmAlliance.Api.Features.Demo;
using api::CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Benchmarks.CompanyPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.Lookups;

/// <summary>
/// The real Api (production mode, Kestrel on 127.0.0.1) on a fresh SQLite file seeded with the demo data, with the
/// comparison endpoints, a demo consultant's bearer token and the demo companies' IDs — what the look-up and the
/// mixed-load drivers share.
/// </summary>
public sealed class BenchmarkApi : IAsyncDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly string _database;

    private BenchmarkApi(string database, CompanyPagesHost host, string token, IReadOnlyList<Guid> companies)
    {
        _database = database;
        Host = host;
        Token = token;
        Companies = companies;
    }

    public CompanyPagesHost Host { get; }

    public string Token { get; }

    public IReadOnlyList<Guid> Companies { get; }

    /// <summary>Starts the Api; <c>--set Key=Value</c> arguments become its settings (e.g. to switch one thing off).</summary>
    public static async Task<BenchmarkApi> StartAsync(string[] args)
    {
        var database = Path.Combine(Path.GetTempPath(), $"crm-lookups-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string> { ["Seed:Demo"] = "true" };
        foreach (var setting in args.Zip(args.Skip(1)).Where(pair => pair.First == "--set").Select(pair => pair.Second.Split('=', 2)))
        {
            settings[setting[0]] = setting[1];
        }

        var host = new CompanyPagesHost(database, settings, ComparisonEndpoints.AddTo, meterRequests: false);
        host.Start();
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var consultant = DemoSeeder.Users.First(u => u.Role == api::CrmAlliance.Api.Core.Role.Consultant).Email;
        using var response = await anonymous.PostAsJsonAsync("/auth/login", new { email = consultant, password = DemoSeeder.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        await using var scope = host.Services.CreateAsyncScope();
        var companies = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Companies.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        await SettleAsync();
        return new BenchmarkApi(database, host, token, companies);
    }

    /// <summary>
    /// Waits (at most a minute) until the Api's background work after seeding — the demo vacancies' matching, the
    /// yield projection, the outbox — has stopped using CPU, so that it does not run inside the measurements.
    /// </summary>
    private static async Task SettleAsync()
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var second = 0; second < 60; second++)
        {
            var before = process.TotalProcessorTime;
            await Task.Delay(TimeSpan.FromSeconds(1));
            process.Refresh();
            if ((process.TotalProcessorTime - before).TotalSeconds < 0.05)
            {
                Console.Error.WriteLine($"The Api was idle after {second + 1} s.");
                return;
            }
        }

        Console.Error.WriteLine("The Api was still busy after 60 s: its background work runs during the measurements.");
    }

    public HttpClient CreateClient(int connections)
    {
        var client = LoadDriver.CreateClient(Host.BaseAddress, connections);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>A GraphQL request body, serialised once.</summary>
    public static byte[] GraphQLBody(string query, object? variables = null)
        => JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    /// <summary>Sends one request; null when it answered 2xx (and, for GraphQL, without errors), else what was wrong.</summary>
    public static async Task<string?> SendAsync(HttpClient client, HttpMethod method, string url, byte[]? jsonBody, CancellationToken cancellationToken)
        => (await SendForBodyAsync(client, method, url, jsonBody, cancellationToken)).Error;

    public static async Task<(string? Error, byte[] Body)> SendForBodyAsync(HttpClient client, HttpMethod method, string url, byte[]? jsonBody, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        if (jsonBody is not null)
        {
            request.Content = new ByteArrayContent(jsonBody);
            request.Content.Headers.ContentType = Json;
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return ($"{(int)response.StatusCode} {Snippet(body)}", body);
        }

        return (jsonBody is not null && body.AsSpan().IndexOf("\"errors\""u8) >= 0 ? Snippet(body) : null, body);
    }

    private static string Snippet(byte[] body) => Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));

    public static string Format(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
