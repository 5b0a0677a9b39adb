using CrmAlliance.Api.Core;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>A consultant keeps a company up to date from its page: master data (a refusal first) and a pledge.</summary>
public sealed class CompanyUpkeepTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_consultant_edits_the_master_data_after_a_refused_postcode_and_records_a_pledge()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var company = await fixture.Host.RegisterAsync(consultant, "Skagen Fiskeeksport ApS");

        var page = await fixture.SignInAsync(consultant.Email, $"/virksomheder/{company.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Redigér stamdata" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Redigér stamdata for Skagen Fiskeeksport ApS", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("#navn").FillAsync("Skagen Fisk A/S");
        await page.Locator("#postnummer").FillAsync("0000");
        await page.GetByTestId("company-submit").ClickAsync();

        // The core's refusal, in Danish, in the summary (linked to the field) and beside the field.
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Postnummer: '0000' er ikke et dansk postnummer.");
        await Assertions.Expect(page.Locator("#postnummer-error")).ToContainTextAsync("'0000' er ikke et dansk postnummer.");
        await Assertions.Expect(page.Locator("#navn")).ToHaveValueAsync("Skagen Fisk A/S");
        await BrowserFixture.CheckPageAsync(page, "virksomhed-stamdata-fejl");

        await page.Locator("#postnummer").FillAsync("9990");
        await page.GetByTestId("company-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("company-saved")).ToContainTextAsync("Stamdata er gemt.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Skagen Fisk A/S", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("company-facts")).ToContainTextAsync("9990");

        await page.GetByRole(AriaRole.Link, new() { Name = "Registrér tilsagn" }).ClickAsync();
        await page.Locator("#fra").FillAsync("01.01.2027");
        await page.Locator("#til").FillAsync("31.12.2027");
        await page.Locator("#ordinaere").FillAsync("2");
        await page.Locator("#praktik").FillAsync("4");
        await BrowserFixture.CheckPageAsync(page, "tilsagn-nyt");
        await page.GetByTestId("pledge-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("company-saved")).ToContainTextAsync("Tilsagnet er registreret.");
        await Assertions.Expect(page.GetByTestId("pledge-table")).ToContainTextAsync("2 ordinære job, 4 praktikpladser");
        await BrowserFixture.CheckPageAsync(page, "virksomhed-tilsagn-registreret");
    }
}
