using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>The Admin's audit trail page: reached from the menu, searched by a filter kept in the address, accessible.</summary>
public sealed class AuditTrailPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_admin_searches_the_audit_trail_by_user_from_the_menu()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/log-ind");
        await page.GetByLabel("E-mail").FillAsync("admin@browser.test");
        await page.GetByLabel("Adgangskode").FillAsync(WebHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = "Revisionsspor" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revisionsspor", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Bruger").FillAsync("system");
        await page.GetByRole(AriaRole.Button, new() { Name = "Søg" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("bruger=system"));
        await Assertions.Expect(page.GetByTestId("audit-entries").Locator("tbody tr").First).ToContainTextAsync("System");
        await BrowserFixture.CheckPageAsync(page, "admin-audit");
    }
}
