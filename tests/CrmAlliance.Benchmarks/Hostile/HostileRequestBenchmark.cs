extern alias api;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmAlliance.Benchmarks.EndToEnd;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmAlliance.Benchmarks.Hostile;

/// <summary>
/// <c>--hostile-requests</c>: what each request of <see cref="HostileRequestCases"/> costs the server — CPU time and
/// bytes allocated — against the goal of at most 1 s of CPU and 50 MB per request, signed in or not. The Api runs in
/// this process (production mode, in-memory transport to its client), one request at a time, so the process's CPU
/// time and allocation counters measure that request (client side included: an upper bound).
/// </summary>
public static class HostileRequestBenchmark
{
    public const string Switch = "--hostile-requests";
    private const string Email = "bench-admin@crm.local";
    private const string Password = "Fjendtlige-Forespoergsler-42";
    private static readonly TimeSpan CpuBudget = TimeSpan.FromSeconds(1);
    private const long AllocationBudget = 50L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var repetitions = args.SkipWhile(a => a != "--repetitions").Skip(1).FirstOrDefault() is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 5;
        var database = Path.Combine(Path.GetTempPath(), $"crm-hostile-{Guid.NewGuid():N}.db");
        using var host = new HostileApiHost(database);
        var anonymous = host.CreateClient();
        var signedIn = host.CreateClient();
        signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(anonymous));

        Console.WriteLine($"Per request, the worst of {repetitions} after a warm-up (budget: 1 s CPU, 50 MB allocated):");
        Console.WriteLine();
        Console.WriteLine("| request | signed in | status | code | CPU ms (max) | allocated MB (max) |");
        Console.WriteLine("| --- | --- | ---: | --- | ---: | ---: |");
        var overBudget = 0;
        foreach (var request in HostileRequestCases.All())
        {
            var client = request.SignedIn ? signedIn : anonymous;
            var (status, code) = await SendAsync(client, request);
            var (cpu, allocated) = (TimeSpan.Zero, 0L);
            for (var i = 0; i < repetitions; i++)
            {
                GC.Collect();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                await SendAsync(client, request);
                var spent = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                (cpu, allocated) = (spent > cpu ? spent : cpu, Math.Max(bytes, allocated));
            }

            overBudget += cpu > CpuBudget || allocated > AllocationBudget ? 1 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {request.Name} | {(request.SignedIn ? "yes" : "no")} | {status} | {code} | {cpu.TotalMilliseconds:0} | {allocated / 1048576.0:0.0} |"));
        }

        Console.WriteLine();
        Console.WriteLine(overBudget == 0 ? "Every request within budget." : $"{overBudget} request(s) over budget.");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }

        return overBudget == 0 ? 0 : 1;
    }

    private static async Task<(int Status, string Code)> SendAsync(HttpClient client, HostileRequestCase request)
    {
        using var message = new HttpRequestMessage(request.Method, request.Url);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        using var response = await client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        var code = "";
        try
        {
            code = JsonNode.Parse(text)?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() ?? (text.Contains("\"data\"", StringComparison.Ordinal) ? "(data)" : "");
        }
        catch (System.Text.Json.JsonException)
        {
            code = "(not JSON)";
        }

        return ((int)response.StatusCode, code);
    }

    private static async Task<string> SignInAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/auth/login", new { email = Email, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private sealed class HostileApiHost(string database) : WebApplicationFactory<api::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(ApiHost.ApiContentRoot());
            builder.UseSetting("ConnectionStrings:Crm", $"Data Source={database}");
            builder.UseSetting("Bootstrap:AdminEmail", Email);
            builder.UseSetting("Bootstrap:AdminPassword", Password);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
