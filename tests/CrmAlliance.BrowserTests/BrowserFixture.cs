using System.Text.Json;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>One Api on loopback and one Debian Chromium for the tests of a class; a fresh browser context per test.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where each test's pages are photographed (git-ignored; CI keeps them as an artifact if it wants).</summary>
    public static readonly string ScreenshotFolder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "screenshots"));

    private static readonly string AxeScript = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    private IPlaywright? _playwright;

    public WebHost Host { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is not { } executable)
        {
            return;
        }

        Host.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>
    /// A page in a fresh context. axe is served from this site's own origin (a path the app does not have), because the
    /// security headers refuse inline script; and every message the browser logs about the policy is kept, to assert on.
    /// </summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Host.BaseAddress.ToString(), Locale = "da-DK", ViewportSize = new() { Width = 1280, Height = 900 } });
        await context.RouteAsync("**" + AxePath, route => route.FulfillAsync(new() { Path = AxeScript, ContentType = "text/javascript" }));
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // A refusal page answers 403 or 404 on purpose (its test asserts the status); the browser reports the
            // document's own status as an error, which is no problem of the page.
            if (message.Type == "error" && !(message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && message.Location.StartsWith(page.Url, StringComparison.Ordinal)))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        BrowserProblems.Add(page, problems);
        return page;
    }

    /// <summary>A fresh page signed in through the sign-in form, as a person would, landing on <paramref name="returnUrl"/>.</summary>
    public async Task<IPage> SignInAsync(string email, string returnUrl = "/")
    {
        var page = await NewPageAsync();
        await page.GotoAsync(returnUrl == "/" ? "/log-ind" : "/log-ind?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync(WebHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/log-ind", StringComparison.Ordinal));
        return page;
    }

    private const string AxePath = "/__browser-tests/axe.min.js";

    /// <summary>Console errors and uncaught exceptions per page (a CSP refusal is logged as a console error).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> BrowserProblems = [];

    /// <summary>
    /// Saves the page as <c>screenshots/&lt;name&gt;.png</c>, asserts the browser logged no error (such as a refusal by the
    /// content security policy), and runs axe-core on it: no violation of impact serious or critical may remain.
    /// </summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

        Assert.True(!BrowserProblems.TryGetValue(page, out var problems) || problems.Count == 0,
            $"The browser reported on {name} ({page.Url}):\n" + string.Join("\n", problems ?? []));

        await page.AddScriptTagAsync(new() { Url = AxePath });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))");
        var violations = json.EnumerateArray().Select(v => v.ToString()).ToArray();
        Assert.True(violations.Length == 0, $"axe on {name} ({page.Url}):\n" + string.Join("\n", violations));
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        await Host.DisposeAsync();
    }
}
