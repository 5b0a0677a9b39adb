using System.Globalization;
using Microsoft.Playwright;

namespace CrmAlliance.Benchmarks.Transfer;

/// <summary>
/// What the web UI costs on the wire, measured by Debian's Chromium against a running (published) Api: the first
/// visit to the sign-in page with an empty cache, then signing in, then a later navigation through the menu. Bytes are
/// the browser's own transfer sizes (compressed bodies plus headers). Run it against a published build: the
/// development host serves its static files without the build's compression.
/// </summary>
public static class TransferBudgetBenchmark
{
    public const string Switch = "--transfer-budget";

    private const long FirstVisitBudget = 400 * 1024;
    private const long LaterNavigationBudget = 50 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Uri(Option(args, "--url") ?? "http://127.0.0.1:5080/");
        var email = Option(args, "--email") ?? "admin@demo.crmalliance.dk";
        var password = Option(args, "--password") ?? "Demo-Passw0rd!";
        var chromium = Option(args, "--chromium") ?? Environment.GetEnvironmentVariable("CRM_TEST_CHROMIUM") ?? "/usr/bin/chromium";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new() { BaseURL = url.ToString() });
        var page = await context.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) =>
        {
            lock (responses)
            {
                responses.Add(response);
            }
        };

        await page.GotoAsync("/log-ind", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var firstVisit = await TallyAsync("First visit to /log-ind (empty cache)", responses);

        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/log-ind", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var signIn = await TallyAsync("Signing in (form post and start page)", responses);

        // Enhanced navigation fetches the page; wait for that response, not for a load event that does not come.
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Virksomheder" }).ClickAsync(),
            response => response.Url.EndsWith("/virksomheder", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var later = await TallyAsync("Later navigation: menu → /virksomheder", responses);

        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        var reload = await TallyAsync("Reloading /virksomheder (warm cache)", responses);

        Console.WriteLine();
        Console.WriteLine($"first visit {Kb(firstVisit)} (budget {Kb(FirstVisitBudget)}); sign-in {Kb(signIn)}; later navigation {Kb(later)} and reload {Kb(reload)} (budget {Kb(LaterNavigationBudget)} each)");
        return firstVisit <= FirstVisitBudget && later <= LaterNavigationBudget && reload <= LaterNavigationBudget ? 0 : 1;
    }

    private static async Task<long> TallyAsync(string step, List<IResponse> responses)
    {
        Console.WriteLine(step);
        List<IResponse> taken;
        lock (responses)
        {
            taken = [.. responses];
            responses.Clear();
        }

        long total = 0;
        foreach (var response in taken)
        {
            var sizes = await response.Request.SizesAsync();
            var bytes = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            total += bytes;
            var encoding = await response.HeaderValueAsync("content-encoding") ?? "-";
            Console.WriteLine($"  {bytes,9:N0} B  {response.Status}  {encoding,-4}  {new Uri(response.Url).PathAndQuery}");
        }

        Console.WriteLine($"  {total,9:N0} B  total, {taken.Count} responses");
        return total;
    }

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
