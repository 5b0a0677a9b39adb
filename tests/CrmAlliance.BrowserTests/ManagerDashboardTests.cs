using System.Globalization;
using System.Text.RegularExpressions;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.Projection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>The manager's alliance dashboard: from the overview to the ranking with a filter, the rows behind a figure, the alerts and the effect targets.</summary>
public sealed partial class ManagerDashboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_manager_goes_from_the_dashboard_to_the_ranking_with_a_filter_and_down_to_the_rows_behind_a_figure()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var busy = await fixture.Host.RegisterWithHistoryAsync(consultant, "Limfjordens Lager ApS");
        await fixture.Host.RegisterAsync(consultant, "Stille Partner ApS");
        await RebuildReadModelAsync();
        var manager = await fixture.Host.CreateUserAsync(Role.Manager);

        // The placement arranged started a week ago: the period is that year.
        var year = DanishCalendar.Today(TimeProvider.System).AddDays(-7).Year.ToString(CultureInfo.InvariantCulture);
        var page = await fixture.SignInAsync(manager.Email);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = "Ledelse" }).ClickAsync();
        await page.GetByLabel("Periode").FillAsync(year);
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alliancens overblik", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("summary-members")).ToContainTextAsync("Medlemmer2");
        await Assertions.Expect(page.GetByTestId("trend").Locator("svg[role=img]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("trend-table").Locator("tbody tr")).ToHaveCountAsync(4);
        var dormant = page.GetByTestId("dormant").Locator("tbody tr");
        await Assertions.Expect(dormant).ToHaveCountAsync(1);
        await Assertions.Expect(dormant).ToContainTextAsync("Stille Partner ApS");
        await BrowserFixture.CheckPageAsync(page, "ledelse-overblik");

        // The ranking, narrowed to the companies' industry section (52.10 warehousing: H).
        await page.GetByTestId("dashboard-nav").GetByRole(AriaRole.Link, new() { Name = "Rangliste" }).ClickAsync();
        await page.GetByLabel("Branche (DB07-hovedafsnit)").SelectOptionAsync("H");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("branche=H"));
        var rows = page.GetByTestId("ranking").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First).ToContainTextAsync("Limfjordens Lager ApS");
        await Assertions.Expect(page.GetByTestId("ranking-count")).ToHaveTextAsync($"2 medlemmer i {year}");
        await BrowserFixture.CheckPageAsync(page, "ledelse-rangliste-filter");

        // A filter that leaves no one says what to do next.
        await page.GetByLabel("Branche (DB07-hovedafsnit)").SelectOptionAsync("A");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-ranking")).ToContainTextAsync("Fjern et filter");
        await page.GoBackAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);

        // Drill-down: the placement behind "Påbegyndte forløb" of the first company.
        await rows.First.GetByTestId("drill-started").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/ledelse/rangliste/{busy.Id}\\?.*maal=PlacementsStarted"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Limfjordens Lager ApS", Level = 1 })).ToBeVisibleAsync();
        var behind = page.GetByTestId("drill-rows").Locator("tbody tr");
        await Assertions.Expect(behind).ToHaveCountAsync(1);
        await Assertions.Expect(behind).ToContainTextAsync("Virksomhedspraktik");
        await Assertions.Expect(behind).ToContainTextAsync("I gang");
        await BrowserFixture.CheckPageAsync(page, "ledelse-rangliste-drilldown");

        // Back to the ranking as it was filtered.
        await page.GetByTestId("back-to-ranking").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ledelse/rangliste\\?.*branche=H"));
        await Assertions.Expect(rows).ToHaveCountAsync(2);

        await page.GetByTestId("dashboard-nav").GetByRole(AriaRole.Link, new() { Name = "Gratis arbejdskraft" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-free-labour")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "ledelse-gratis-arbejdskraft");
    }

    [BrowserFact]
    public async Task A_manager_sets_an_effect_target_and_a_second_one_for_the_same_measure_is_refused_in_Danish()
    {
        var manager = await fixture.Host.CreateUserAsync(Role.Manager);
        var page = await fixture.SignInAsync(manager.Email, "/ledelse/effektmaal?periode=2031");
        await Assertions.Expect(page.GetByTestId("no-targets")).ToContainTextAsync("Der er ikke sat effektmål for 2031");
        await BrowserFixture.CheckPageAsync(page, "ledelse-effektmaal-tom");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Måling" }).SelectOptionAsync("SelfSupportingAfter6Months");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Tilbudstype" }).SelectOptionAsync("WageSubsidy");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Mål i procent" }).FillAsync("62,5");
        await page.GetByTestId("save-target").ClickAsync();
        await Assertions.Expect(page.GetByTestId("target-saved")).ToBeVisibleAsync();
        var results = page.GetByTestId("target-results").Locator("tbody tr");
        await Assertions.Expect(results).ToHaveCountAsync(1);
        await Assertions.Expect(results).ToContainTextAsync("Selvforsørgende efter 6 måneder");
        await Assertions.Expect(results).ToContainTextAsync("Løntilskud");
        await Assertions.Expect(results).ToContainTextAsync("62,5 %");
        await Assertions.Expect(results).ToContainTextAsync("Ingen data");
        await BrowserFixture.CheckPageAsync(page, "ledelse-effektmaal-gemt");

        // The same year, measure, kind and group again: the core's refusal, in Danish, beside the field.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Måling" }).SelectOptionAsync("SelfSupportingAfter6Months");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Tilbudstype" }).SelectOptionAsync("WageSubsidy");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Mål i procent" }).FillAsync("70");
        await page.GetByTestId("save-target").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("2031 har allerede et mål for selvforsørgende efter 6 måneder for tilbudstypen løntilskud");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#maaling");
        await BrowserFixture.CheckPageAsync(page, "ledelse-effektmaal-afvist");
    }

    [BrowserFact]
    public async Task A_consultant_typing_the_dashboards_address_is_refused_in_Danish()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var page = await fixture.SignInAsync(consultant.Email);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = "Ledelse" })).ToHaveCountAsync(0);

        var response = await page.GotoAsync("/ledelse/rangliste");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du har ikke adgang til siden" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("refusal")).ToHaveTextAsync("Ledelsens overblik er kun for ledere og administratorer.");
        await BrowserFixture.CheckPageAsync(page, "ledelse-konsulent-afvist");
    }

    /// <summary>The arranged rows (some stored directly, past the bus) into the yield read model, as `rebuild-yield` does.</summary>
    private Task<int> RebuildReadModelAsync()
        => fixture.Host.RunAsync(async services =>
        {
            var result = await services.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None);
            return result.Placements;
        });
}
