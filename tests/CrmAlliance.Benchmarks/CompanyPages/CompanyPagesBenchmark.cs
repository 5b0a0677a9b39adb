extern alias api;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using api::CrmAlliance.Api.Core;
using api::CrmAlliance.Api.Features.Accounts;
using api::CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Benchmarks.EndToEnd;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.CompanyPages;

/// <summary>
/// Issue 12's speed targets for the consultant's pages, on a generated alliance (e.g. the yield benchmark's 5,000
/// companies): company search as you type (each prefix of a company's name from 1 to 6 characters, and of its CVR
/// number from 2 to 8 digits, as the page's script sends them) ≤ 50 ms server time p95, and the company page ≤ 150 ms
/// server time p95, both with the yield read model unchanged between requests and right after a change to it (the
/// page's yield figures include the company's places among peers, which are recomputed after each change).
/// </summary>
public static class CompanyPagesBenchmark
{
    public const string Switch = "--company-pages";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var database = Value("--db") ?? Path.Combine(Path.GetTempPath(), "crm-yield-bench.db");
        var companies = int.Parse(Value("--companies-sampled") ?? "100", CultureInfo.InvariantCulture);
        if (!File.Exists(database))
        {
            Console.Error.WriteLine($"{database} does not exist: generate it first (README, \"Partner yield\": the data generator, or --yield --reseed).");
            return 2;
        }

        await using var host = new CompanyPagesHost(database);
        host.Start();
        var consultant = await EnsureConsultantAsync(host);
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = host.BaseAddress };
        (await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email = consultant, password = Password })).EnsureSuccessStatusCode();

        List<(Guid Id, string Name, string Cvr)> sample;
        int total;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            total = await db.Companies.CountAsync();
            var all = await db.Companies.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Cvr }).ToListAsync();
            var random = new Random(42);
            sample = all.OrderBy(_ => random.Next()).Take(companies).Select(c => (c.Id, c.Name, c.Cvr)).ToList();
        }

        var searches = sample.SelectMany(c => Prefixes(c.Name, 1, 6).Concat(Prefixes(c.Cvr, 2, 8))).Select(q => "/virksomheder?soeg=" + Uri.EscapeDataString(q)).ToList();
        var pages = sample.Select(c => $"/virksomheder/{c.Id}").ToList();

        var search = await MeasureAsync(host, client, searches);
        var page = await MeasureAsync(host, client, pages);
        var pageAfterChange = await MeasureAsync(host, client, pages, ReadModelChange(host));

        Console.WriteLine();
        Console.WriteLine($"| server time ({total:N0} companies, SQLite, Production, one request at a time) | p50 | p95 | p99 | max | SQL commands (max) | n |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        Row("company search as you type (`/virksomheder?soeg=…`, name prefixes 1–6, CVR prefixes 2–8)", search);
        Row("company page (`/virksomheder/{id}`), read model unchanged", page);
        Row("company page right after a change to the yield read model", pageAfterChange);
        return 0;
    }

    private const string Password = "Limfjorden-om-morgenen-7";

    private static IEnumerable<string> Prefixes(string text, int from, int to)
        => Enumerable.Range(from, Math.Max(0, Math.Min(to, text.Length) - from + 1)).Select(n => text[..n]);

    internal sealed record Measured(LatencyStats Times, int MaxCommands, long Bytes);

    /// <summary>Warms up on the first tenth, then records each request's server time (not <paramref name="before"/>).</summary>
    internal static async Task<Measured> MeasureAsync(CompanyPagesHost host, HttpClient client, List<string> urls, Func<Task>? before = null)
    {
        foreach (var url in urls.Take(Math.Max(urls.Count / 10, 1)))
        {
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
        }

        var times = new List<double>(urls.Count);
        var maxCommands = 0;
        long bytes = 0;
        foreach (var url in urls)
        {
            if (before is not null)
            {
                await before();
            }

            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK || response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/log-ind", StringComparison.Ordinal) == true)
            {
                throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}.");
            }

            times.Add(host.Meter.LastMilliseconds);
            maxCommands = Math.Max(maxCommands, host.Meter.LastCommands);
            bytes += body.Length;
        }

        return new Measured(LatencyStats.Of(times), maxCommands, bytes);
    }

    internal static Func<Task> ReadModelChange(CompanyPagesHost host) => ReadModelChanges.OneCompany(host.Services);

    private static Task<string> EnsureConsultantAsync(CompanyPagesHost host)
        => EnsureUserAsync(host, "bench-consultant@crmalliance.local", "Benchmark Consultant", Role.Consultant);

    /// <summary>A signed-in benchmark user of the role, created once in the benchmark's database.</summary>
    internal static async Task<string> EnsureUserAsync(CompanyPagesHost host, string email, string displayName, Role role)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = DateTimeOffset.UtcNow };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role.ToString()));
        }

        return email;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    internal static void Row(string name, Measured m)
        => Console.WriteLine($"| {name} | {LatencyStats.Format(m.Times.Percentile(0.5))} | {LatencyStats.Format(m.Times.Percentile(0.95))} | {LatencyStats.Format(m.Times.Percentile(0.99))} | {LatencyStats.Format(m.Times.Max)} | {m.MaxCommands} | {m.Times.Count} |");
}
