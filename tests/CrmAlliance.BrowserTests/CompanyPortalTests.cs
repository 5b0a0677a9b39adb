using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>The company user's portal in DKFDS's Virk look: its vacancies, placements, contribution and contact persons.</summary>
public sealed class CompanyPortalTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_company_user_posts_a_vacancy_found_by_a_Danish_occupation_word_and_closes_it()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var company = await fixture.Host.RegisterWithHistoryAsync(consultant, "Aalborg Svejs & Stål ApS");
        var user = await fixture.Host.CreateUserAsync(Role.Company, company.Id);

        var page = await fixture.SignInAsync(user.Email);
        await Assertions.Expect(page.Locator("link[rel=stylesheet]").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^vendor/dkfds/css/dkfds-virkdk\.min\.(\w+\.)?css$"));
        await Assertions.Expect(page.GetByTestId("company-welcome")).ToContainTextAsync("Velkommen, Aalborg Svejs & Stål ApS.");
        await BrowserFixture.CheckPageAsync(page, "portal-forside");

        await Menu(page).GetByRole(AriaRole.Link, new() { Name = "Mine opslag" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mine opslag", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("vacancies").Locator("tbody tr")).ToHaveCountAsync(1);
        await BrowserFixture.CheckPageAsync(page, "portal-opslag");

        // The occupation by a Danish word's start: the list below the field fills as the user types.
        await page.GetByTestId("new-vacancy").ClickAsync();
        await page.GetByLabel("Titel").FillAsync("Svejser til værkstedet");
        await page.GetByLabel("Søg stilling").PressSequentiallyAsync("svejs", new() { Delay = 60 });
        var choices = page.GetByTestId("occupation-choices");
        // Each occupation once, by its most specific code: the job category 721200, not also its unit group 7212.
        await Assertions.Expect(choices.Locator("option", new() { HasText = "Svejsearbejde og skærebrænding (721200)" })).ToHaveCountAsync(1);
        await Assertions.Expect(choices.Locator("option", new() { HasText = "Svejsearbejde og skærebrænding" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#stilling-status")).ToContainTextAsync("passer til søgningen");
        await choices.SelectOptionAsync(new SelectOptionValue { Label = "Svejsearbejde og skærebrænding (721200)" });
        await page.GetByLabel("Tilbudstype").SelectOptionAsync(new SelectOptionValue { Label = "virksomhedspraktik" });
        var start = DanishCalendar.Today(TimeProvider.System).AddDays(21).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        await page.GetByLabel("Start", new() { Exact = true }).FillAsync(start);
        await page.GetByLabel("Timer pr. uge").FillAsync("37,5");
        await BrowserFixture.CheckPageAsync(page, "portal-opslag-nyt");
        await page.GetByTestId("vacancy-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("vacancy-saved")).ToContainTextAsync("Opslaget »Svejser til værkstedet« er gemt. Status: åben.");
        var row = page.GetByTestId("vacancies").Locator("tbody tr", new() { HasText = "Svejser til værkstedet" });
        await Assertions.Expect(row).ToContainTextAsync("Svejsearbejde og skærebrænding (721200)");
        await Assertions.Expect(row).ToContainTextAsync("virksomhedspraktik");
        await Assertions.Expect(row).ToContainTextAsync(start);
        await Assertions.Expect(row).ToContainTextAsync("åben");
        await BrowserFixture.CheckPageAsync(page, "portal-opslag-oprettet");
        var posted = await fixture.Host.RunAsync(services => services.GetRequiredService<CrmDbContext>().Vacancies.SingleAsync(v => v.Title == "Svejser til værkstedet" && v.CompanyId == company.Id));
        Assert.Equal(("721200", 37.5m, OfferKind.Internship, VacancyStatus.Open), (posted.OccupationCode, posted.HoursPerWeek, posted.OfferKind, posted.Status));

        // Closed as withdrawn: the reason is one of the closings the life cycle offers from "open".
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("vacancy-status")).ToHaveTextAsync("Status: åben.");
        await Assertions.Expect(page.GetByLabel("Søg stilling")).ToHaveValueAsync("Svejsearbejde og skærebrænding");
        await BrowserFixture.CheckPageAsync(page, "portal-opslag-ret");
        await page.GetByLabel("Luk opslaget: det trækkes tilbage").CheckAsync();
        await page.GetByTestId("vacancy-status-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("vacancy-saved")).ToContainTextAsync("Status: lukket.");
        await Assertions.Expect(row).ToContainTextAsync("lukket");
        await BrowserFixture.CheckPageAsync(page, "portal-opslag-lukket");
    }

    [BrowserFact]
    public async Task A_missing_occupation_comes_back_in_the_error_summary_with_the_matches_to_choose_from()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var company = await fixture.Host.RegisterWithHistoryAsync(consultant, "Uden Valg ApS");
        var user = await fixture.Host.CreateUserAsync(Role.Company, company.Id);
        var page = await fixture.SignInAsync(user.Email, "/virksomhed/opslag/nyt");

        // Sent without choosing from the list (as without script): the core refuses the missing code in Danish and the
        // list now holds what the typed word finds.
        await page.GetByLabel("Titel").FillAsync("Lagermedarbejder");
        await page.GetByLabel("Søg stilling").FillAsync("lager");
        await page.GetByLabel("Start", new() { Exact = true }).FillAsync(DanishCalendar.Today(TimeProvider.System).AddDays(10).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await page.GetByTestId("occupation-choices").SelectOptionAsync("");
        await page.GetByTestId("vacancy-submit").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Stilling: ");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#stillingskode");
        await Assertions.Expect(page.GetByTestId("occupation-choices").Locator("option", new() { HasText = "Lagerekspeditionsarbejde (432100)" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByLabel("Titel")).ToHaveValueAsync("Lagermedarbejder");
        await BrowserFixture.CheckPageAsync(page, "portal-opslag-fejl");
    }

    [BrowserFact]
    public async Task A_company_user_sees_its_placements_by_alias_its_contribution_and_keeps_its_contact_persons()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var company = await fixture.Host.RegisterWithHistoryAsync(consultant, "Forløb og Folk A/S");
        var user = await fixture.Host.CreateUserAsync(Role.Company, company.Id);
        var page = await fixture.SignInAsync(user.Email);

        await Menu(page).GetByRole(AriaRole.Link, new() { Name = "Forløb" }).ClickAsync();
        var placements = page.GetByTestId("placements").Locator("tbody tr");
        await Assertions.Expect(placements).ToHaveCountAsync(1);
        await Assertions.Expect(placements).ToContainTextAsync("Kandidat " + company.Cvr[..4]);
        await Assertions.Expect(placements).ToContainTextAsync("virksomhedspraktik");
        await Assertions.Expect(placements).ToContainTextAsync("Lageret på havnen");
        await Assertions.Expect(placements).ToContainTextAsync("i gang");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("SAG-");
        await BrowserFixture.CheckPageAsync(page, "portal-forloeb");

        // The yield read model hears of the company over the bus: the page says so until then.
        await Menu(page).GetByRole(AriaRole.Link, new() { Name = "Vores bidrag" }).ClickAsync();
        for (var attempt = 0; attempt < 40 && await page.GetByTestId("own-yield").CountAsync() == 0; attempt++)
        {
            await Task.Delay(250);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.GetByTestId("own-yield")).ToContainTextAsync("Lovet i partnerskabsaftalen");
        await Assertions.Expect(page.GetByTestId("yield-by-kind")).ToContainTextAsync("virksomhedspraktik");
        await BrowserFixture.CheckPageAsync(page, "portal-bidrag");

        await Menu(page).GetByRole(AriaRole.Link, new() { Name = "Kontaktpersoner" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-contacts")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "portal-kontaktpersoner-tom");
        await page.GetByLabel("Navn").FillAsync("Mette Holm");
        await page.GetByLabel("Telefon").FillAsync("98 12 34 56");
        await page.GetByLabel("E-mail").FillAsync("ikke-en-adresse");
        await page.GetByTestId("contact-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("E-mail: ");
        await BrowserFixture.CheckPageAsync(page, "portal-kontaktperson-fejl");
        await page.GetByLabel("E-mail").FillAsync("mette@example.dk");
        await page.GetByLabel("Personen er medarbejderrepræsentant").CheckAsync();
        await page.GetByTestId("contact-submit").ClickAsync();
        var contacts = page.GetByTestId("contacts").Locator("tbody tr");
        await Assertions.Expect(contacts).ToHaveCountAsync(1);
        await Assertions.Expect(contacts).ToContainTextAsync("Mette Holm");
        await Assertions.Expect(contacts).ToContainTextAsync("Ja");
        await BrowserFixture.CheckPageAsync(page, "portal-kontaktpersoner");

        await contacts.GetByRole(AriaRole.Link, new() { Name = "Ret Mette Holm" }).ClickAsync();

        // The list page has a "Stilling" field of its own (adding a person), and enhanced navigation changes the URL
        // before the new page arrives: wait for the edit form, filled with the person, before typing.
        await Assertions.Expect(page.GetByLabel("Navn")).ToHaveValueAsync("Mette Holm");
        await page.GetByLabel("Stilling").FillAsync("Værkfører");
        await page.GetByTestId("contact-submit").ClickAsync();
        await Assertions.Expect(contacts).ToContainTextAsync("Værkfører");
    }

    [BrowserFact]
    public async Task A_company_user_typing_another_companys_or_a_consultants_address_is_refused_in_Danish()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var own = await fixture.Host.RegisterWithHistoryAsync(consultant, "Egne Opslag ApS");
        var other = await fixture.Host.RegisterWithHistoryAsync(consultant, "Fremmede Opslag ApS");
        var otherVacancy = await fixture.Host.RunAsync(services => services.GetRequiredService<CrmDbContext>().Vacancies.Where(v => v.CompanyId == other.Id).Select(v => v.Id).SingleAsync());
        var user = await fixture.Host.CreateUserAsync(Role.Company, own.Id);
        var page = await fixture.SignInAsync(user.Email);

        var response = await page.GotoAsync($"/virksomheder/{other.Id}");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByTestId("refusal")).ToContainTextAsync("En virksomhedsbruger må kun handle på vegne af sin egen virksomhed.");
        await BrowserFixture.CheckPageAsync(page, "portal-anden-virksomhed-afvist");

        // Another company's vacancy is not found, as the vacancy query does not show it: its existence is not confirmed.
        response = await page.GotoAsync($"/virksomhed/opslag/{otherVacancy}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByTestId("refusal")).ToContainTextAsync("findes ikke");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Lagermedarbejder");
        await BrowserFixture.CheckPageAsync(page, "portal-andens-opslag-afvist");

        // The consultants' company search.
        response = await page.GotoAsync("/virksomheder");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du har ikke adgang til siden" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("refusal")).ToContainTextAsync("Rollen virksomhedsbruger må ikke gøre dette.");
        await BrowserFixture.CheckPageAsync(page, "portal-konsulentside-afvist");
    }

    private static ILocator Menu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" });
}
