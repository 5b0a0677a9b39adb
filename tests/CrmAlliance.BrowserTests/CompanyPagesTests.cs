using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>The consultant's company pages: search as you type, the company page, and logging a contact by keyboard alone.</summary>
public sealed class CompanyPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_consultant_finds_a_company_as_they_type_sees_its_timeline_and_capacity_and_logs_a_contact_by_keyboard_alone()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var company = await fixture.Host.RegisterWithHistoryAsync(consultant, "Limfjordens Lager ApS");
        await fixture.Host.RegisterAsync(consultant, "Limfjord Bryghus A/S");

        var page = await fixture.SignInAsync(consultant.Email);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = "Virksomheder" }).ClickAsync();
        var search = page.GetByLabel("Søg på navn, CVR- eller P-nummer");
        var rows = page.GetByTestId("companies").Locator("tbody tr");

        // A name's start: the list narrows as the consultant types, with focus and caret kept in the field.
        await search.PressSequentiallyAsync("Limfjord", new() { Delay = 60 });
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await search.PressSequentiallyAsync("ens", new() { Delay = 60 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("soeg=Limfjordens$"));
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Limfjordens Lager ApS");
        Assert.Equal("soeg", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal(11, await page.EvaluateAsync<int>("() => document.activeElement.selectionStart"));
        await Assertions.Expect(search).ToHaveValueAsync("Limfjordens");
        await BrowserFixture.CheckPageAsync(page, "virksomheder-soeg-navn");

        // The CVR number finds it too.
        await search.FillAsync("");
        await search.PressSequentiallyAsync(company.Cvr, new() { Delay = 40 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("soeg=" + company.Cvr + "$"));
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync(company.Cvr);
        await Assertions.Expect(rows).ToContainTextAsync("Aktiv partner");

        // The company page: master data, the timeline with Danish labels and dates, and free places under the ratio rule.
        await rows.GetByRole(AriaRole.Link, new() { Name = "Limfjordens Lager ApS" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Limfjordens Lager ApS", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("company-facts")).ToContainTextAsync(company.Cvr);
        var timeline = page.GetByTestId("timeline").Locator("li");
        await Assertions.Expect(timeline).ToHaveCountAsync(4);
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("Stilling oprettet: Lagermedarbejder");
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("ordinært job, 2 stillinger, kladde");
        await Assertions.Expect(timeline.Nth(1)).ToContainTextAsync("Kontakt: Besøg");
        await Assertions.Expect(timeline.Nth(2)).ToContainTextAsync("Tilsagn for 01.01.");
        await Assertions.Expect(timeline.Nth(3)).ToContainTextAsync("Forløb foreslået: virksomhedspraktik");
        var capacity = page.GetByTestId("capacity").Locator("tbody tr");
        await Assertions.Expect(capacity).ToHaveCountAsync(1);
        Assert.Equal(["Lageret på havnen", company.PNumber, "12", "2", "1", "1", "1", "Ret"], await capacity.Locator("th, td").AllInnerTextsAsync());
        await BrowserFixture.CheckPageAsync(page, "virksomhed-konsulent");

        // Keyboard alone: Tab to the form, type, Enter.
        var followUp = DanishCalendar.Today(TimeProvider.System).AddDays(7).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        await TabToAsync(page, "kontaktform");
        await page.Keyboard.TypeAsync("b");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Aftalt to praktikpladser til foråret");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("opfoelgning", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(followUp);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("contact-logged")).ToBeFocusedAsync();
        await Assertions.Expect(timeline).ToHaveCountAsync(5);
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("Kontakt: Besøg");
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("Aftalt to praktikpladser til foråret");
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync($"Opfølgning {followUp}.");
        await BrowserFixture.CheckPageAsync(page, "virksomhed-kontakt-registreret");
    }

    [BrowserFact]
    public async Task Bad_input_shows_the_error_summary_linked_to_its_fields()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var company = await fixture.Host.RegisterAsync(consultant, "Fejlfri Montage ApS");
        var page = await fixture.SignInAsync(consultant.Email, $"/virksomheder/{company.Id}");

        // A date the page cannot read.
        await page.GetByLabel("Resumé").FillAsync("Telefonmøde");
        await page.GetByLabel("Dato", new() { Exact = true }).FillAsync("32.13.2026");
        await page.GetByTestId("log-contact-submit").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Skriv datoen som dd.mm.åååå");
        await Assertions.Expect(page.GetByLabel("Resumé")).ToHaveValueAsync("Telefonmøde");
        await BrowserFixture.CheckPageAsync(page, "virksomhed-kontakt-fejl-dato");
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#dato")).ToBeFocusedAsync();

        // What the core refuses (no summary) comes back in Danish through RefusalDisplay, linked to its field.
        await page.GetByLabel("Resumé").FillAsync("");
        await page.GetByLabel("Dato", new() { Exact = true }).FillAsync(DanishCalendar.Today(TimeProvider.System).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await page.GetByTestId("log-contact-submit").ClickAsync();
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#resume");
        await Assertions.Expect(summary).ToContainTextAsync("Resumé: skal udfyldes.");
        await Assertions.Expect(page.Locator("#resume")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByTestId("timeline-empty")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "virksomhed-kontakt-fejl-resume");
    }

    [BrowserFact]
    public async Task A_company_user_typing_another_companys_address_is_refused_in_Danish()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var own = await fixture.Host.RegisterWithHistoryAsync(consultant, "Egen Virksomhed ApS");
        var other = await fixture.Host.RegisterAsync(consultant, "Andens Virksomhed ApS");
        var user = await fixture.Host.CreateUserAsync(Role.Company, own.Id);

        var page = await fixture.SignInAsync(user.Email, $"/virksomheder/{own.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Egen Virksomhed ApS", Level = 1 })).ToBeVisibleAsync();
        // Its own timeline without the jobcenter's contact logs, and no contact form.
        await Assertions.Expect(page.GetByTestId("timeline").Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("timeline")).Not.ToContainTextAsync("Kontakt:");
        await Assertions.Expect(page.GetByTestId("log-contact")).ToHaveCountAsync(0);
        await BrowserFixture.CheckPageAsync(page, "virksomhed-virksomhedsbruger");

        var response = await page.GotoAsync($"/virksomheder/{other.Id}");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du har ikke adgang til siden" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("refusal")).ToContainTextAsync("En virksomhedsbruger må kun handle på vegne af sin egen virksomhed.");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Andens Virksomhed");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Exception");
        await BrowserFixture.CheckPageAsync(page, "virksomhed-anden-virksomhed-afvist");
    }

    [BrowserFact]
    public async Task Search_results_sort_and_page_in_the_address()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        for (var i = 1; i <= 23; i++)
        {
            await fixture.Host.RegisterAsync(consultant, $"Sideskift {i:D2} ApS");
        }

        var page = await fixture.SignInAsync(consultant.Email, "/virksomheder?soeg=Sideskift");
        var rows = page.GetByTestId("companies").Locator("tbody tr");
        await Assertions.Expect(page.GetByTestId("company-count")).ToHaveTextAsync("23 virksomheder fundet");
        await Assertions.Expect(rows).ToHaveCountAsync(20);
        await Assertions.Expect(rows.First).ToContainTextAsync("Sideskift 01 ApS");

        await page.GetByTestId("pager").GetByRole(AriaRole.Link, new() { Name = "Næste" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("side=2"));
        await BrowserFixture.CheckPageAsync(page, "virksomheder-side-2");

        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Navn" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Navn" })).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(rows.First).ToContainTextAsync("Sideskift 23 ApS");
        await Assertions.Expect(rows).ToHaveCountAsync(20);
    }

    /// <summary>Presses Tab until the element with <paramref name="id"/> has focus, as a keyboard user would.</summary>
    [BrowserFact]
    public async Task A_manager_sees_a_companys_contact_persons_with_phone_and_e_mail_links_and_an_empty_state_without_any()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var manager = await fixture.Host.CreateUserAsync(Role.Manager);
        var company = await fixture.Host.RegisterAsync(consultant, "Kontaktrig Beton A/S");
        var empty = await fixture.Host.RegisterAsync(consultant, "Kontaktløs Tømrer ApS");
        await fixture.Host.RunAsync(async services =>
        {
            var save = services.GetRequiredService<SaveCompanyContactHandler>();
            await save.HandleAsync(new SaveCompanyContactInput(company.Id, null, "Birthe Holm", "HR-chef", "birthe@kontaktrig.dk", "+45 98 12 34 56", false), consultant, CancellationToken.None);
            return await save.HandleAsync(new SaveCompanyContactInput(company.Id, null, "Anders Krog", "Tillidsrepræsentant", null, null, true), consultant, CancellationToken.None);
        });

        var page = await fixture.SignInAsync(manager.Email, $"/virksomheder/{company.Id}");
        var section = page.GetByRole(AriaRole.Region, new() { Name = "Kontaktpersoner" });
        var rows = section.GetByTestId("company-contacts").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Anders Krog");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Tillidsrepræsentant");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Birthe Holm");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("HR-chef");
        await Assertions.Expect(rows.Nth(1).GetByRole(AriaRole.Link, new() { Name = "+45 98 12 34 56" })).ToHaveAttributeAsync("href", "tel:+4598123456");
        await Assertions.Expect(rows.Nth(1).GetByRole(AriaRole.Link, new() { Name = "birthe@kontaktrig.dk" })).ToHaveAttributeAsync("href", "mailto:birthe@kontaktrig.dk");
        await BrowserFixture.CheckPageAsync(page, "virksomhed-kontaktpersoner-leder");

        await page.GotoAsync($"/virksomheder/{empty.Id}");
        await Assertions.Expect(page.GetByTestId("company-no-contacts")).ToHaveTextAsync("Virksomheden har ingen kontaktpersoner endnu.");
    }

    private static async Task TabToAsync(IPage page, string id)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") == id)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"#{id} was not reached with 80 presses of Tab.");
    }
}
