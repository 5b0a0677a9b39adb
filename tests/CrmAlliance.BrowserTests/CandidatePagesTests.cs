using CrmAlliance.Api.Core;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>The candidate register and its import: try the file, see each line's problem in Danish, fix it, import.</summary>
public sealed class CandidatePagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_consultant_tries_an_import_sees_the_rejected_line_in_Danish_fixes_it_and_imports_the_pool()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var page = await fixture.SignInAsync(consultant.Email);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Kandidater" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kandidater", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "kandidater-konsulent");

        await page.GetByTestId("import-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importér kandidater" })).ToBeVisibleAsync();

        // Submitting without a file is refused in the error summary, linked to the field.
        await page.GetByTestId("import-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Vælg en CSV-fil.");

        var marker = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        const string header = "Sagsnummer;Målgruppe;Søgte stillinger;Kompetencer;Uddannelsesniveau;Erhvervserfaring;Postnummer;Til rådighed fra";
        // The page names the accepted target groups and education levels as the candidate pages show them; copied, they are read.
        await Assertions.Expect(page.GetByTestId("import-accepted-values")).ToContainTextAsync("dagpengemodtagere, jobparate kontanthjælpsmodtagere");
        await Assertions.Expect(page.GetByTestId("import-accepted-values")).ToContainTextAsync("Erhvervsfaglig uddannelse");
        var good = $"SAG-{marker}-1;Dagpengemodtagere;7212;Svejsning;Erhvervsfaglig uddannelse;ja;9000;01-03-2027";
        var bad = $"SAG-{marker}-2;dagpenge;7212;;erhvervsfaglig;ja;9000;31-02-2027";
        await page.GetByLabel("CSV-fil").SetInputFilesAsync(new FilePayload { Name = "kandidater.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes($"{header}\n{good}\n{bad}\n") });
        await page.GetByTestId("import-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-outcome")).ToContainTextAsync("Intet er gemt");
        var rejected = page.GetByTestId("import-lines").Locator("tbody tr").Filter(new() { HasText = "afvist" });
        await Assertions.Expect(rejected).ToHaveCountAsync(1);
        await Assertions.Expect(rejected).ToContainTextAsync($"SAG-{marker}-2");
        await BrowserFixture.CheckPageAsync(page, "kandidater-import-afvist");
        var problem = await rejected.Locator("td").Last.InnerTextAsync();
        Assert.DoesNotContain("Exception", problem, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Z][a-z]+[A-Z]", problem.Replace($"SAG-{marker}", "", StringComparison.Ordinal));

        // Fixed, imported for real.
        var fixedBad = bad.Replace("31-02-2027", "28-02-2027", StringComparison.Ordinal);
        await page.GetByLabel("CSV-fil").SetInputFilesAsync(new FilePayload { Name = "kandidater.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes($"{header}\n{good}\n{fixedBad}\n") });
        await page.GetByLabel("Importér (gemmer alt eller intet)").CheckAsync();
        await page.GetByTestId("import-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-outcome")).ToContainTextAsync("Importeret. Nye: 2, ændrede: 0, uændrede: 0, afviste: 0.");
        await BrowserFixture.CheckPageAsync(page, "kandidater-import-gemt");

        // A word where a code belongs: the occupations it finds, each leading to the list filtered by its code.
        await page.GotoAsync("/kandidater?stilling=svejs");
        var suggestions = page.GetByTestId("occupation-suggestions");
        await Assertions.Expect(suggestions).ToContainTextAsync("Stillinger, der passer på ”svejs”");
        await suggestions.GetByRole(AriaRole.Link, new() { Name = "7212 Svejsearbejde og skærebrænding" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("stilling=7212$"));
        await BrowserFixture.CheckPageAsync(page, "kandidater-stilling-ord");

        await page.GotoAsync("/kandidater?stilling=7212");
        var rows = page.GetByTestId("candidates").Locator("tbody tr").Filter(new() { HasText = $"SAG-{marker}" });
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var first = rows.Filter(new() { HasText = $"SAG-{marker}-1" });
        await Assertions.Expect(first).ToContainTextAsync("dagpengemodtagere");
        await Assertions.Expect(first).ToContainTextAsync("7212");
        await Assertions.Expect(first).ToContainTextAsync("01.03.2027");
    }

    [BrowserFact]
    public async Task A_consultant_tries_a_company_file_sees_its_problem_in_Danish_and_imports_it()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var page = await fixture.SignInAsync(consultant.Email, "/virksomheder");
        await page.GetByTestId("company-import-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importér virksomheder" })).ToBeVisibleAsync();

        var cvr = CompanyArrangement.NewCvr();
        var name = $"Importeret Smedie {cvr} ApS";
        const string header = "CVR-nummer;Navn;Branchekode;Adresse;Postnummer;Sektor";
        await page.GetByLabel("CSV-fil").SetInputFilesAsync(Csv($"{header}\n{cvr};{name};999999;Havnen 1;9000;privat\n"));
        await page.GetByTestId("import-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-outcome")).ToContainTextAsync("Intet er gemt. Linjer med problemer: 1.");
        var problem = page.GetByTestId("import-problems").Locator("tbody tr");
        await Assertions.Expect(problem).ToHaveCountAsync(1);
        await Assertions.Expect(problem).ToContainTextAsync("999999");
        await BrowserFixture.CheckPageAsync(page, "virksomheder-import-afvist");

        await page.GetByLabel("CSV-fil").SetInputFilesAsync(Csv($"{header}\n{cvr};{name};251100;Havnen 1;9000;privat\n"));
        await page.GetByLabel("Importér (gemmer alt eller intet)").CheckAsync();
        await page.GetByTestId("import-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-outcome")).ToContainTextAsync("Importeret. Nye virksomheder: 1");
        await BrowserFixture.CheckPageAsync(page, "virksomheder-import-gemt");

        await page.GotoAsync("/virksomheder?soeg=" + cvr);
        await Assertions.Expect(page.GetByTestId("companies").Locator("tbody tr")).ToContainTextAsync(name);
    }

    [BrowserFact]
    public async Task A_company_user_is_refused_the_candidate_register_and_its_import_in_Danish()
    {
        var company = await fixture.Host.RegisterAsync(await fixture.Host.CreateUserAsync(Role.Consultant), "Kandidatløs ApS");
        var user = await fixture.Host.CreateUserAsync(Role.Company, company.Id);
        var page = await fixture.SignInAsync(user.Email);

        foreach (var path in new[] { "/kandidater", "/kandidater/import" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du har ikke adgang til siden" })).ToBeVisibleAsync();
        }

        await BrowserFixture.CheckPageAsync(page, "kandidater-virksomhed-afvist");
    }

    private static FilePayload Csv(string text) => new() { Name = "fil.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(text) };
}
