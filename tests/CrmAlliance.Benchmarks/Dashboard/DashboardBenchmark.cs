extern alias api;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using api::CrmAlliance.Api.Core;
using api::CrmAlliance.Api.Features.Accounts;
using api::CrmAlliance.Api.Features.Yield.Reports;
using api::CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Benchmarks.CompanyPages;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.Dashboard;

/// <summary>
/// Issue 12's target for the manager's dashboard, ≤ 150 ms server time p95, on a generated alliance (the company pages'
/// database and host, CompanyPagesHost): a signed-in manager's browser opening the overview, the ranking with filters,
/// sorts and pages, the rows behind a company's figure, the free-labour alerts and the effect targets, one request at
/// a time, each list with the yield read model unchanged and right after a change to it (the reports that read every
/// member are cached per read-model version).
/// </summary>
public static class DashboardBenchmark
{
    public const string Switch = "--dashboard";

    private const string Password = "Limfjorden-om-morgenen-7";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var database = Value("--db") ?? Path.Combine(Path.GetTempPath(), "crm-yield-bench.db");
        var companies = int.Parse(Value("--companies-sampled") ?? "40", CultureInfo.InvariantCulture);
        var year = int.Parse(Value("--year") ?? DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (!File.Exists(database))
        {
            Console.Error.WriteLine($"{database} does not exist: generate it first (README, \"Partner yield\": the data generator).");
            return 2;
        }

        await using var host = new CompanyPagesHost(database);
        host.Start();

        // A served Api warms the periods managers open most right after start-up; measure it as it then serves.
        await host.Services.GetRequiredService<YieldReportWarmer>().FirstRound;
        var manager = await EnsureManagerAsync(host);
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = host.BaseAddress };
        (await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email = manager, password = Password })).EnsureSuccessStatusCode();

        List<Guid> sample;
        int total;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            total = await db.Companies.CountAsync();
            var all = await db.Companies.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            var random = new Random(42);
            sample = all.OrderBy(_ => random.Next()).Take(companies).ToList();
        }

        var periods = new[] { $"{year}", $"{year - 1}", $"{year}-Q1", $"{year}-Q2", $"{year}-Q3", $"{year - 1}-Q4" };
        var overview = periods.SelectMany(p => Enumerable.Range(1, 5).Select(page => $"/ledelse?periode={p}&side={page}")).ToList();
        var ranking = Rankings(year, companies).ToList();
        var drills = sample.SelectMany(id => new[] { "PlacementsStarted", "PlacementDays" }.Select(m => $"/ledelse/rangliste/{id}?periode={year}&maal={m}")).ToList();
        var freeLabour = periods.SelectMany(p => Enumerable.Range(1, 3).Select(page => $"/ledelse/gratis-arbejdskraft?periode={p}&side={page}")).ToList();
        var targets = periods.Select(p => $"/ledelse/effektmaal?periode={p}").ToList();

        var change = CompanyPagesBenchmark.ReadModelChange(host);
        var results = new List<(string Name, CompanyPagesBenchmark.Measured Measured)>
        {
            ("overview (`/ledelse`: summary, quarters, dormant page), read model unchanged", await CompanyPagesBenchmark.MeasureAsync(host, client, overview)),
            ("overview right after a change to the yield read model", await CompanyPagesBenchmark.MeasureAsync(host, client, overview, change)),
            ("ranking (`/ledelse/rangliste`, filters, sorts, pages), read model unchanged", await CompanyPagesBenchmark.MeasureAsync(host, client, ranking)),
            ("ranking right after a change to the yield read model", await CompanyPagesBenchmark.MeasureAsync(host, client, ranking, change)),
            ("drill-down (`/ledelse/rangliste/{id}`, started and placement days)", await CompanyPagesBenchmark.MeasureAsync(host, client, drills)),
            ("free-labour alerts, read model unchanged", await CompanyPagesBenchmark.MeasureAsync(host, client, freeLabour)),
            ("free-labour alerts right after a change to the yield read model", await CompanyPagesBenchmark.MeasureAsync(host, client, freeLabour, change)),
            ("effect targets (results and form)", await CompanyPagesBenchmark.MeasureAsync(host, client, targets.Concat(targets).Concat(targets).ToList())),
        };

        Console.WriteLine();
        Console.WriteLine($"| server time ({total:N0} companies, SQLite, Production, one request at a time) | p50 | p95 | p99 | max | SQL commands (max) | n |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, measured) in results)
        {
            CompanyPagesBenchmark.Row(name, measured);
        }

        return 0;
    }

    /// <summary>The ranking as managers use it: each industry section and size band, sorted several ways, the first pages.</summary>
    private static IEnumerable<string> Rankings(int year, int count)
    {
        var random = new Random(7);
        string[] sections = ["", "C", "F", "G", "H", "I", "M", "N", "Q"];
        string[] bands = ["", "0-9", "10-49", "50-249", "250+"];
        string[] sorts = ["", "navn", "ansatte", "forloeb", "uger"];
        for (var i = 0; i < count; i++)
        {
            var query = $"periode={year}&branche={sections[random.Next(sections.Length)]}&stoerrelse={Uri.EscapeDataString(bands[random.Next(bands.Length)])}&sorter={sorts[random.Next(sorts.Length)]}&side={random.Next(1, 4)}";
            yield return "/ledelse/rangliste?" + query;
        }
    }

    private static Task<string> EnsureManagerAsync(CompanyPagesHost host)
        => CompanyPagesBenchmark.EnsureUserAsync(host, "bench-manager@crmalliance.local", "Benchmark Manager", Role.Manager);
}
