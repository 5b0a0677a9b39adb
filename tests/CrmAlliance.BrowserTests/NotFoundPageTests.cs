using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>An address that leads nowhere shows the Danish not-found page in the layout, not the browser's own error; every page has its icon.</summary>
public sealed class NotFoundPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_unknown_address_shows_the_Danish_not_found_page_with_status_404_and_the_site_icon()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("/findes-ikke");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Siden findes ikke", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Til forsiden", Exact = true })).ToHaveAttributeAsync("href", "/");
        await Assertions.Expect(page).ToHaveTitleAsync("Siden findes ikke – CrmAlliance");
        await BrowserFixture.CheckPageAsync(page, "ikke-fundet");

        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var iconResponse = await page.APIRequest.GetAsync(icon!);
        Assert.Equal(200, iconResponse.Status);
        Assert.StartsWith("image/svg+xml", iconResponse.Headers["content-type"], StringComparison.Ordinal);
    }
}
