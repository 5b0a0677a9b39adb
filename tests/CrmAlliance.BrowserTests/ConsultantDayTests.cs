using System.Globalization;
using System.Text.RegularExpressions;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>
/// The consultant's day from search to outcome: a company, its vacancy and matching's suggestions, the placement rules in
/// Danish before proposing, and the placement's checklist through approval, start, end and the end result.
/// </summary>
public sealed partial class ConsultantDayTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static string Today => DanishCalendar.Today(TimeProvider.System).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    [BrowserFact]
    public async Task A_consultant_goes_from_company_search_to_a_placements_end_result_seeing_every_rule_and_refusal_in_Danish()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var arranged = await fixture.Host.RegisterWithSuggestionsAsync(consultant, "Nørresundby Lager ApS");
        var page = await fixture.SignInAsync(consultant.Email);

        // The start page lists the vacancy waiting for a decision.
        var waiting = page.GetByTestId("vacancies-waiting").Locator("tbody tr");
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        await Assertions.Expect(waiting).ToContainTextAsync("Lagerpraktikant");
        await Assertions.Expect(waiting).ToContainTextAsync("Nørresundby Lager ApS");
        await Assertions.Expect(waiting).ToContainTextAsync("virksomhedspraktik");
        await BrowserFixture.CheckPageAsync(page, "forside-opslag-venter");

        // Company search → company page → the vacancy from the timeline.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = "Virksomheder" }).ClickAsync();
        await page.GetByLabel("Søg på navn, CVR- eller P-nummer").PressSequentiallyAsync("Nørresundby", new() { Delay = 40 });
        var rows = page.GetByTestId("companies").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await rows.GetByRole(AriaRole.Link, new() { Name = "Nørresundby Lager ApS" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nørresundby Lager ApS", Level = 1 })).ToBeVisibleAsync();
        await page.GetByTestId("timeline").GetByRole(AriaRole.Link, new() { Name = "Stilling oprettet: Lagerpraktikant" }).ClickAsync();

        // The vacancy page: Danish offer kind and DISCO title, and the suggestions best first.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lagerpraktikant", Level = 1 })).ToBeVisibleAsync();
        var facts = page.GetByTestId("vacancy-facts");
        await Assertions.Expect(facts).ToContainTextAsync("virksomhedspraktik");
        await Assertions.Expect(facts).ToContainTextAsync("(9321)");
        await Assertions.Expect(facts).ToContainTextAsync("åben");
        await Assertions.Expect(facts).ToContainTextAsync(arranged.PNumber);
        var suggestions = page.GetByTestId("matches").Locator("tbody tr");
        await Assertions.Expect(suggestions).ToHaveCountAsync(2);
        await Assertions.Expect(suggestions.Nth(0)).ToContainTextAsync(arranged.FirstAlias);
        await Assertions.Expect(suggestions.Nth(0)).ToContainTextAsync("92");
        // Matching's reasons in Danish, from its facts, not its English line.
        var secondFrom = VacancyArrangement.SecondAvailableFrom(DanishCalendar.Today(TimeProvider.System)).ToString("d. MMM", CultureInfo.GetCultureInfo("da-DK"));
        await Assertions.Expect(suggestions.Nth(0)).ToContainTextAsync("samme DISCO-gruppe 9321 Pakkeriarbejde; ingen krav om kompetencer; 3 km; til rådighed");
        await Assertions.Expect(suggestions.Nth(1)).ToContainTextAsync($"samme DISCO-gruppe 93 Manuelt arbejde inden for råstofudvinding, bygge- og anlægssektoren, produktion og transport; 1 af 2 kompetencer; 14 km; til rådighed fra {secondFrom}");
        await Assertions.Expect(page.GetByTestId("matches")).Not.ToContainTextAsync(EnglishReasonWords());
        await Assertions.Expect(suggestions.Nth(0)).ToContainTextAsync("dagpengemodtagere");
        await BrowserFixture.CheckPageAsync(page, "opslag-forslag");

        // Dismissing needs a reason: the core's refusal in Danish, then the dismissal.
        await suggestions.Nth(1).GetByRole(AriaRole.Link, new() { Name = "Afvis " + arranged.SecondAlias }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"samme DISCO-gruppe 93 Manuelt arbejde inden for råstofudvinding, bygge- og anlægssektoren, produktion og transport; 1 af 2 kompetencer; 14 km; til rådighed fra {secondFrom}");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(EnglishReasonWords());
        await page.GetByTestId("dismiss-submit").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Begrundelse: skal udfyldes.");
        await BrowserFixture.CheckPageAsync(page, "opslag-afvis-uden-begrundelse");
        await page.GetByLabel("Begrundelse").FillAsync("Har ikke truckcertifikat.");
        await page.GetByTestId("dismiss-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("match-dismissed")).ToBeVisibleAsync();
        await Assertions.Expect(suggestions.Nth(1)).ToContainTextAsync("afvist");
        await Assertions.Expect(suggestions.Nth(1)).ToContainTextAsync("Har ikke truckcertifikat.");

        // Accepting: every placement rule as a Danish sentence before anything is sent. An internship needs its purpose.
        await suggestions.Nth(0).GetByRole(AriaRole.Link, new() { Name = "Acceptér " + arranged.FirstAlias }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Foreslå forløb for " + arranged.FirstAlias })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Matchningens begrundelse: samme DISCO-gruppe 9321 Pakkeriarbejde; ingen krav om kompetencer; 3 km; til rådighed.");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(EnglishReasonWords());
        var checks = page.GetByTestId("rule-checks").Locator("li");
        await Assertions.Expect(checks).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("[data-rule=InternshipPurpose]")).ToHaveAttributeAsync("data-passed", "false");
        await Assertions.Expect(page.Locator("[data-rule=InternshipPurpose]")).ToContainTextAsync("enhver virksomhedspraktik skal have et formål: ansættelse, opkvalificering eller afklaring.");
        await Assertions.Expect(page.GetByTestId("accept-submit")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ikke overholdt" })).ToHaveTextAsync("1 regel er ikke overholdt.");
        await BrowserFixture.CheckPageAsync(page, "forslag-regler-mangler-formaal");

        await page.GetByLabel("Formål med praktikken").SelectOptionAsync(new SelectOptionValue { Label = "ansættelse" });
        await page.GetByTestId("check-rules").ClickAsync();
        await Assertions.Expect(page.Locator("[data-passed=false]")).ToHaveCountAsync(0);
        await Assertions.Expect(checks).ToHaveCountAsync(7);
        await Assertions.Expect(page.GetByTestId("rule-checks")).ToContainTextAsync("Kandidaten er i kandidatpuljen.");
        await Assertions.Expect(page.GetByTestId("rule-checks")).ToContainTextAsync("Virksomhedspraktikken har et formål: ansættelse.");
        await Assertions.Expect(page.GetByTestId("rule-checks")).ToContainTextAsync("er ikke kandidatens seneste arbejdsgiver.");
        await Assertions.Expect(page.GetByTestId("rule-checks")).ToContainTextAsync("inden for den længste varighed");
        await Assertions.Expect(page.GetByTestId("rule-checks")).ToContainTextAsync("Kandidaten har intet andet forløb i perioden");
        await Assertions.Expect(page.GetByTestId("rule-checks")).ToContainTextAsync($"Arbejdsstedet med P-nummer {arranged.PNumber} har 0 af 2 tilladte pladser");
        await BrowserFixture.CheckPageAsync(page, "forslag-regler-overholdt");
        await page.GetByTestId("accept-submit").ClickAsync();

        // The placement's checklist: proposed, nothing done yet.
        await Assertions.Expect(page).ToHaveURLAsync(ForloebUrl());
        await Assertions.Expect(page.GetByTestId("step-done")).ToContainTextAsync("Forløbet er foreslået.");
        await Assertions.Expect(page.GetByTestId("placement-facts")).ToContainTextAsync("foreslået");
        var steps = page.GetByTestId("steps").Locator("> li");
        await Assertions.Expect(steps).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("[data-step=merbeskaeftigelse]")).ToContainTextAsync("Gælder kun løntilskud, ikke virksomhedspraktik.");
        await BrowserFixture.CheckPageAsync(page, "forloeb-foreslaaet");

        // Approve (an internship needs no confirmation of additional employment), then try to start before the statement.
        await page.GetByTestId("approve-submit").ClickAsync();
        await Assertions.Expect(page.Locator("[data-step=godkendelse]")).ToHaveAttributeAsync("data-done", "true");
        await page.GetByTestId("start-submit").ClickAsync();
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Et forløb i virksomhedspraktik kan ikke begynde, før arbejdsstedets medarbejderrepræsentants udtalelse er registreret.");
        await Assertions.Expect(page.Locator("[data-step=start]")).ToHaveAttributeAsync("data-done", "false");
        await Assertions.Expect(page.GetByTestId("step-done")).ToHaveCountAsync(0);
        await BrowserFixture.CheckPageAsync(page, "forloeb-start-afvist-uden-udtalelse");

        // The statement, the start, the end and the end result.
        await page.GetByLabel("Medarbejderrepræsentantens navn").FillAsync("Tillidsrepræsentant Bente Holm");
        await page.GetByTestId("statement-submit").ClickAsync();
        await Assertions.Expect(page.Locator("[data-step=udtalelse]")).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(page.Locator("[data-step=udtalelse]")).ToContainTextAsync("Tillidsrepræsentant Bente Holm: positiv. Registreret af Test Consultant.");

        await page.GetByTestId("start-submit").ClickAsync();
        await Assertions.Expect(page.Locator("[data-step=start]")).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(page.Locator("[data-step=start]")).ToContainTextAsync($"Startede {Today}.");
        await Assertions.Expect(page.GetByTestId("placement-facts")).ToContainTextAsync("i gang");
        await BrowserFixture.CheckPageAsync(page, "forloeb-i-gang");

        await page.GetByTestId("end-submit").ClickAsync();
        await Assertions.Expect(page.Locator("[data-step=afslutning]")).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(page.GetByTestId("placement-facts")).ToContainTextAsync("gennemført");
        await Assertions.Expect(page.Locator("[data-step=udfald-1]")).ToContainTextAsync("Kan registreres fra");
        await Assertions.Expect(page.Locator("[data-step=udfald-1]")).ToContainTextAsync("Opfølgning 1 måned efter");
        await Assertions.Expect(page.Locator("[data-step=udfald-3]")).ToContainTextAsync("Opfølgning 3 måneder efter");

        await page.GetByLabel("Slutresultat").SelectOptionAsync(new SelectOptionValue { Label = "ordinært job" });
        await page.GetByTestId("outcome-submit-0").ClickAsync();
        await Assertions.Expect(page.Locator("[data-step=udfald-0]")).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(page.Locator("[data-step=udfald-0]")).ToContainTextAsync($"Slutresultat: ordinært job. Registreret {Today} (af en konsulent).");
        await Assertions.Expect(page.GetByTestId("steps").Locator("form")).ToHaveCountAsync(0);
        await BrowserFixture.CheckPageAsync(page, "forloeb-slutresultat");

        // The vacancy now leads to the placement, and nothing waits on the start page.
        await page.GetByTestId("placement-facts").GetByRole(AriaRole.Link, new() { Name = "Lagerpraktikant" }).ClickAsync();
        await Assertions.Expect(suggestions.Nth(0)).ToContainTextAsync("accepteret");
        await Assertions.Expect(suggestions.Nth(0).GetByRole(AriaRole.Link, new() { Name = "Se forløbet" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("no-vacancies-waiting")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_proposal_is_made_from_the_period_on_screen_even_when_it_was_changed_after_the_check()
    {
        // The walkthrough: check the rules for 07.01.2027–30.06.2029, change the last day to 31.12.2028, and propose at once.
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var arranged = await fixture.Host.RegisterWithSuggestionsAsync(consultant, "Aalborg Maskinfabrik ApS", OfferKind.OrdinaryJob);
        var page = await fixture.SignInAsync(consultant.Email);
        await page.GotoAsync($"/opslag/{arranged.VacancyId}");
        await page.GetByTestId("matches").GetByRole(AriaRole.Link, new() { Name = "Acceptér " + arranged.FirstAlias }).ClickAsync();

        await page.GetByLabel("Planlagt start").FillAsync("07.01.2027");
        await page.GetByLabel("Planlagt sidste dag").FillAsync("30.06.2029");
        await page.GetByTestId("check-rules").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("start=07.01.2027&slut=30.06.2029"));
        await Assertions.Expect(page.Locator("[data-passed=false]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("rule-checks")).ToContainTextAsync("til 30. juni 2029");

        await page.GetByLabel("Planlagt sidste dag").FillAsync("31.12.2028");
        await page.GetByTestId("accept-submit").ClickAsync();

        // Not proposed from stale values: the checks are shown again for the values on screen, to confirm.
        var renewed = page.GetByTestId("checks-renewed");
        await Assertions.Expect(renewed).ToBeVisibleAsync();
        await Assertions.Expect(renewed).ToContainTextAsync("Forløbet er ikke foreslået endnu");
        await Assertions.Expect(page.GetByLabel("Planlagt sidste dag")).ToHaveValueAsync("31.12.2028");
        await Assertions.Expect(page.GetByTestId("rule-checks")).ToContainTextAsync("til 31. december 2028");
        await Assertions.Expect(page.GetByTestId("rule-checks")).Not.ToContainTextAsync("til 30. juni 2029");
        Assert.Empty(await StoredPeriodsAsync(arranged.VacancyId));
        await BrowserFixture.CheckPageAsync(page, "forslag-regler-tjekket-igen");

        await page.GetByTestId("accept-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ForloebUrl());
        await Assertions.Expect(page.GetByTestId("step-done")).ToContainTextAsync("Forløbet er foreslået.");
        Assert.Equal([(new DateOnly(2027, 1, 7), new DateOnly(2028, 12, 31))], await StoredPeriodsAsync(arranged.VacancyId));
    }

    private Task<List<(DateOnly Start, DateOnly End)>> StoredPeriodsAsync(Guid vacancyId)
        => fixture.Host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<CrmDbContext>();
            var periods = await db.Placements.Where(p => p.VacancyId == vacancyId).Select(p => new { p.PlannedStart, p.PlannedEnd }).ToListAsync();
            return periods.Select(p => (p.PlannedStart, p.PlannedEnd)).ToList();
        });

    /// <summary>The words of matching's English explanation line.</summary>
    [GeneratedRegex(@"\b(same|occupation|group|skills?|required|available|distance|postcode|shared)\b")]
    private static partial Regex EnglishReasonWords();

    [GeneratedRegex("/forloeb/[0-9a-f-]{36}")]
    private static partial Regex ForloebUrl();
}
