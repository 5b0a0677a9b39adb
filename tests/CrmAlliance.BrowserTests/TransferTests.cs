using CrmAlliance.Api.Core;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>
/// Later navigations cost only their compressed page: the assets have fingerprinted URLs cached for good, and pages
/// are compressed. The first visit's budget is measured on a published build by the benchmark (README, "Web UI on the
/// wire"): this test host serves its static files as the development host does, without the build's compression.
/// </summary>
public sealed class TransferTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const long LaterNavigationBudget = 50 * 1024;

    [BrowserFact]
    public async Task A_later_navigation_transfers_its_compressed_page_and_no_assets_again()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/log-ind");
        await page.GetByLabel("E-mail").FillAsync(consultant.Email);
        await page.GetByLabel("Adgangskode").FillAsync(WebHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/log-ind", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var responses = new List<IResponse>();
        page.Response += (_, response) =>
        {
            lock (responses)
            {
                responses.Add(response);
            }
        };
        var pageResponse = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Virksomheder" }).ClickAsync(),
            response => response.Url.EndsWith("/virksomheder", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal("br", await pageResponse.HeaderValueAsync("content-encoding"));
        List<IResponse> taken;
        lock (responses)
        {
            taken = [.. responses];
        }

        // No stylesheet or script is fetched again: they come from the browser's cache. (A font or icon the new page is
        // the first to use loads now; Chromium sometimes asks again for the icon sprite a new <use> refers to.)
        foreach (var response in taken.Where(r => r != pageResponse && (r.Url.EndsWith(".css", StringComparison.Ordinal) || r.Url.EndsWith(".js", StringComparison.Ordinal))))
        {
            Assert.True((await response.Request.SizesAsync()).ResponseBodySize == 0, $"{response.Url} was loaded again");
        }

        var sizes = await pageResponse.Request.SizesAsync();
        Assert.InRange(sizes.ResponseBodySize + sizes.ResponseHeadersSize, 1, LaterNavigationBudget);
    }
}
