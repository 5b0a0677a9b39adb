using System.Text.Json;
using CrmAlliance.Api.Core;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CrmAlliance.BrowserTests;

/// <summary>
/// A long import shows how far it has come while it runs (streamed to the enhanced form post), then its report; without
/// JavaScript the report still arrives, in one response.
/// </summary>
public sealed class ImportProgressTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string CandidateHeader = "Sagsnummer;Målgruppe;Søgte stillinger;Kompetencer;Uddannelsesniveau;Erhvervserfaring;Postnummer;Til rådighed fra";

    /// <summary>
    /// Records, from before the form is sent, every text the progress region shows and whether a &lt;progress&gt; came
    /// with it: the observer sees the streamed renders as blazor.web.js puts them into the page, however soon they go.
    /// </summary>
    private const string WatchProgress = """
        () => {
          window.importProgress = { texts: [], bars: 0, withReport: 0, polite: 0 };
          const record = () => {
            const shown = document.querySelector('[data-testid="import-progress"]');
            if (!shown) return;
            const text = shown.textContent.trim().replace(/\s+/g, ' ');
            if (!window.importProgress.texts.includes(text)) window.importProgress.texts.push(text);
            if (shown.querySelector('progress')) window.importProgress.bars++;
            if (shown.closest('[role="status"][aria-live="polite"]')) window.importProgress.polite++;
            if (document.querySelector('[data-testid="import-report"]')) window.importProgress.withReport++;
          };
          new MutationObserver(record).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    [BrowserFact]
    public async Task A_consultant_importing_four_thousand_candidates_sees_the_import_progress_then_the_report()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var page = await fixture.SignInAsync(consultant.Email, "/kandidater/import");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importér kandidater" })).ToBeVisibleAsync();
        var marker = RandomLetters(8);
        var lines = Enumerable.Range(1, 4_000).Select(i => $"SAG-{marker}-{Letters(i)};dagpenge;7212;Svejsning;erhvervsfaglig;ja;9000;01-03-2027");
        await page.GetByLabel("CSV-fil").SetInputFilesAsync(Csv(CandidateHeader + "\n" + string.Join("\n", lines) + "\n"));
        await page.GetByLabel("Importér (gemmer alt eller intet)").CheckAsync();
        await page.EvaluateAsync(WatchProgress);

        await page.GetByTestId("import-submit").ClickAsync();

        // The progress is in the response's first part, so it shows before 4,000 candidates are saved; on a quiet machine
        // the whole import may be over before a locator looks, so what was shown is read from the observer's record.
        var progress = page.GetByTestId("import-progress");
        if (await progress.CountAsync() > 0)
        {
            await BrowserFixture.CheckPageAsync(page, "kandidater-import-fremskridt");
        }

        await Assertions.Expect(page.GetByTestId("import-outcome")).ToContainTextAsync("Importeret. Nye: 4000, ændrede: 0, uændrede: 0, afviste: 0.", new() { Timeout = 60_000 });
        await Assertions.Expect(progress).ToHaveCountAsync(0);
        var seen = await SeenAsync(page);
        Assert.True(seen.Bars > 0, "no <progress> was seen");
        Assert.True(seen.Polite > 0, "the progress was not in a polite live region");
        Assert.Contains(seen.Texts, t => t == "Læser filen …" || t.StartsWith("Læser linje", StringComparison.Ordinal) || t.StartsWith("Kontrollerer linje", StringComparison.Ordinal));
        Assert.All(seen.Texts, t => Assert.Matches(@"^(Læser filen …|Læser linje [0-9.]+ af 4\.000|Kontrollerer linje [0-9.]+ af 4\.000|Gemmer 4\.000 linjer …)$", t));

        // Renders came while it ran, not only the first one: saving 4,000 candidates starts well before it ends.
        Assert.Contains("Gemmer 4.000 linjer …", seen.Texts);

        // The report replaces the progress in one render.
        Assert.Equal(0, seen.WithReport);
        await BrowserFixture.CheckPageAsync(page, "kandidater-import-fremskridt-rapport");
    }

    [BrowserFact]
    public async Task A_consultant_trying_three_thousand_companies_sees_the_progress_then_the_report()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var page = await fixture.SignInAsync(consultant.Email, "/virksomheder/import");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importér virksomheder" })).ToBeVisibleAsync();

        // A file refused as a whole comes back beside the field, streamed like the report, and the progress goes.
        await page.GetByLabel("CSV-fil").SetInputFilesAsync(Csv("CVR-nummer;Navn;Farve\n12345674;Et navn;blå\n"));
        await page.GetByTestId("import-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("kolonne 3 'Farve' er ikke en kendt kolonne");
        await Assertions.Expect(page.GetByTestId("import-progress")).ToHaveCountAsync(0);

        var lines = Enumerable.Range(1, 3_000).Select(i => $"{CompanyArrangement.NewCvr()};Fremskridt {i} ApS;251100;Havnen {i};9000;privat");
        await page.GetByLabel("CSV-fil").SetInputFilesAsync(Csv("CVR-nummer;Navn;Branchekode;Adresse;Postnummer;Sektor\n" + string.Join("\n", lines) + "\n"));
        await page.EvaluateAsync(WatchProgress);

        await page.GetByTestId("import-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-outcome")).ToContainTextAsync("Prøvet – intet er gemt. Sådan vil importen gå: Nye virksomheder: 3000", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("import-progress")).ToHaveCountAsync(0);
        var seen = await SeenAsync(page);
        Assert.True(seen.Bars > 0, "no <progress> was seen");
        Assert.NotEmpty(seen.Texts);
        Assert.All(seen.Texts, t => Assert.Matches(@"^(Læser filen …|Læser linje [0-9.]+ af 3\.000|Kontrollerer linje [0-9.]+ af 3\.000)$", t));
        Assert.Equal(0, seen.WithReport);
        await BrowserFixture.CheckPageAsync(page, "virksomheder-import-fremskridt-rapport");
    }

    [BrowserFact]
    public async Task Without_JavaScript_the_import_answers_with_its_report_in_one_response()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Host.BaseAddress.ToString(), Locale = "da-DK", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/log-ind?returnUrl=" + Uri.EscapeDataString("/kandidater/import"));
        await page.GetByLabel("E-mail").FillAsync(consultant.Email);
        await page.GetByLabel("Adgangskode").FillAsync(WebHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importér kandidater" })).ToBeVisibleAsync();
        var marker = RandomLetters(8);
        var lines = Enumerable.Range(1, 500).Select(i => $"SAG-{marker}-{Letters(i)};dagpenge;7212;Svejsning;erhvervsfaglig;ja;9000;01-03-2027");
        await page.GetByLabel("CSV-fil").SetInputFilesAsync(Csv(CandidateHeader + "\n" + string.Join("\n", lines) + "\n"));

        await page.GetByTestId("import-submit").ClickAsync();

        // A streamed render would sit in an inert <template> here: the page would keep showing the progress.
        await Assertions.Expect(page.GetByTestId("import-outcome")).ToContainTextAsync("Prøvet – intet er gemt. Sådan vil importen gå: Nye: 500");
        await Assertions.Expect(page.GetByTestId("import-progress")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.Locator("blazor-ssr").CountAsync());
        await context.CloseAsync();
    }

    private sealed record Seen(string[] Texts, int Bars, int WithReport, int Polite);

    private async Task<Seen> SeenAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("() => window.importProgress");
        var seen = new Seen(
            json.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToArray(),
            json.GetProperty("bars").GetInt32(),
            json.GetProperty("withReport").GetInt32(),
            json.GetProperty("polite").GetInt32());
        output.WriteLine($"Progress seen: {string.Join(" | ", seen.Texts)} ({seen.Bars} renders with a bar, {seen.WithReport} beside the report)");
        return seen;
    }

    /// <summary>A number as letters (A = 0 … J = 9): a case reference of digits might look like a CPR number, which the import refuses.</summary>
    private static string Letters(int number) => string.Concat(number.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('A' + (d - '0'))));

    private static string RandomLetters(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => (char)('A' + Random.Shared.Next(26))));

    private static FilePayload Csv(string text) => new() { Name = "fil.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(text) };
}
