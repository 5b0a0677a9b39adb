using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>One candidate at a time: register (every problem beside its field and in the summary), see, change, withdraw.</summary>
public sealed class CandidateFormTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_consultant_registers_a_candidate_after_fixing_the_errors_changes_them_and_withdraws_them()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var page = await fixture.SignInAsync(consultant.Email, "/kandidater");
        await page.GetByTestId("register-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registrér kandidat", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "kandidat-ny");

        // A CPR number as the reference, no target group, no occupation, a date that is not one: every problem at once,
        // each linked to its field, and the CPR number neither repeated nor sent back into the field.
        const string cpr = "010190-1234";
        await page.GetByLabel("Sagsnummer").FillAsync(cpr);
        await page.GetByLabel("Til rådighed fra").FillAsync("31.02.2027");
        await page.GetByLabel("Postnummer").FillAsync("9000");
        // As without script: the typeahead's searches get no answer, so only the page can fill the list.
        await page.RouteAsync("**/graphql", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = "{\"data\":null}" }));
        await page.GetByLabel("Søg stilling").FillAsync("svejs");
        await page.GetByTestId("occupation-choices").SelectOptionAsync("");
        await page.GetByTestId("candidate-submit").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Sagsnummer: indeholder noget, der ligner et CPR-nummer");
        await Assertions.Expect(summary).ToContainTextAsync("Vælg en målgruppe.");
        await Assertions.Expect(summary).ToContainTextAsync("Søgte stillinger: skal indeholde 1 til 10 forskellige stillingsbetegnelser, ikke 0.");
        await Assertions.Expect(summary).ToContainTextAsync("Vælg et uddannelsesniveau.");
        await Assertions.Expect(summary).ToContainTextAsync("Vælg ja eller nej.");
        await Assertions.Expect(summary).ToContainTextAsync("Skriv datoen som dd.mm.åååå");
        var links = summary.GetByRole(AriaRole.Link);
        Assert.Equal(
            new string?[] { "#sagsnummer", "#maalgruppe", "#stillingskode", "#uddannelse", "#erfaring", "#raadighed" },
            await Task.WhenAll((await links.AllAsync()).Select(l => l.GetAttributeAsync("href"))));
        await Assertions.Expect(page.Locator("#sagsnummer-error")).ToContainTextAsync("ligner et CPR-nummer");
        await Assertions.Expect(page.GetByLabel("Sagsnummer")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByLabel("Sagsnummer")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.DoesNotContain("010190", await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByLabel("Postnummer")).ToHaveValueAsync("9000");
        // Sent without choosing: the list now holds what the typed word finds, filled by the page.
        await Assertions.Expect(page.GetByLabel("Søg stilling")).ToHaveValueAsync("svejs");
        await Assertions.Expect(page.GetByTestId("occupation-choices").Locator("option", new() { HasText = "Svejsearbejde og skærebrænding (721200)" })).ToHaveCountAsync(1);
        await BrowserFixture.CheckPageAsync(page, "kandidat-ny-fejl");
        await page.UnrouteAsync("**/graphql");
        await links.First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Sagsnummer")).ToBeFocusedAsync();

        // Fixed: the occupation found by a Danish word, the choices by their Danish names.
        var reference = $"SAG-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var available = DanishCalendar.Today(TimeProvider.System).AddDays(14).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        await page.GetByLabel("Sagsnummer").FillAsync(reference);
        await page.GetByLabel("Målgruppe").SelectOptionAsync(new SelectOptionValue { Label = "dagpengemodtagere" });
        await page.GetByLabel("Søg stilling").ClearAsync();
        await page.GetByLabel("Søg stilling").PressSequentiallyAsync("svejs", new() { Delay = 60 });
        var choices = page.GetByTestId("occupation-choices");
        await Assertions.Expect(choices.Locator("option", new() { HasText = "Svejsearbejde og skærebrænding (721200)" })).ToHaveCountAsync(1);
        await choices.SelectOptionAsync(new SelectOptionValue { Label = "Svejsearbejde og skærebrænding (721200)" });
        await page.GetByLabel("Kompetencer").FillAsync("Svejsecertifikat, truckcertifikat");
        await page.GetByLabel("Uddannelsesniveau").SelectOptionAsync(new SelectOptionValue { Label = "Erhvervsfaglig uddannelse" });
        await page.GetByLabel("Ja", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Til rådighed fra").FillAsync(available);
        await page.GetByTestId("candidate-submit").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("udfoert=oprettet", StringComparison.Ordinal));
        var stored = await fixture.Host.RunAsync(services => services.GetRequiredService<CrmDbContext>().Candidates.AsNoTracking().SingleAsync(c => c.CaseReference == reference));
        Assert.EndsWith($"/kandidater/{stored.Id}?udfoert=oprettet", page.Url, StringComparison.Ordinal);
        Assert.Equal((TargetGroup.InsuredUnemployed, EducationLevel.Vocational, true, "9000"), (stored.TargetGroup, stored.EducationLevel, stored.HasWorkExperience, stored.Postcode));
        Assert.Equal(new[] { "721200" }, stored.SoughtOccupations);
        Assert.Equal(new[] { "Svejsecertifikat", "truckcertifikat" }, stored.Skills);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = stored.DisplayAlias, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("candidate-saved")).ToContainTextAsync($"Kandidaten er registreret. Virksomheder ser vedkommende som »{stored.DisplayAlias}«.");
        var facts = page.GetByTestId("candidate-facts");
        await Assertions.Expect(facts).ToContainTextAsync(reference);
        await Assertions.Expect(facts).ToContainTextAsync("dagpengemodtagere");
        await Assertions.Expect(facts).ToContainTextAsync("Svejsearbejde og skærebrænding (721200)");
        await Assertions.Expect(facts).ToContainTextAsync("Erhvervsfaglig uddannelse");
        await Assertions.Expect(facts).ToContainTextAsync(available);
        await Assertions.Expect(page.GetByTestId("candidate-status")).ToHaveTextAsync("I puljen");
        await BrowserFixture.CheckPageAsync(page, "kandidat-oprettet");

        // Changed: another postcode; the occupation stays ticked.
        await page.GetByTestId("candidate-edit").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Ret {stored.DisplayAlias}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Svejsearbejde og skærebrænding (721200)")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Sagsnummer")).ToHaveValueAsync(reference);
        await BrowserFixture.CheckPageAsync(page, "kandidat-ret");
        await page.GetByLabel("Postnummer").FillAsync("8000");
        await page.GetByTestId("candidate-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("candidate-saved")).ToHaveTextAsync("Ændringerne er gemt.");
        await Assertions.Expect(facts).ToContainTextAsync("8000 Aarhus C");
        await Assertions.Expect(facts).ToContainTextAsync("Svejsearbejde og skærebrænding (721200)");
        var changed = await fixture.Host.RunAsync(services => services.GetRequiredService<CrmDbContext>().Candidates.AsNoTracking().SingleAsync(c => c.Id == stored.Id));
        Assert.Equal(("8000", 2), (changed.Postcode, changed.Version));
        Assert.Equal(new[] { "721200" }, changed.SoughtOccupations);

        // The register's row leads to the candidate.
        await page.GotoAsync("/kandidater?postnummer=8000");
        await page.GetByTestId("candidates").GetByRole(AriaRole.Link, new() { Name = stored.DisplayAlias }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = stored.DisplayAlias, Level = 1 })).ToBeVisibleAsync();

        // Withdrawn after confirming, with the reason the core asks for.
        await page.GetByTestId("candidate-withdraw").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Afmeld {stored.DisplayAlias}" })).ToBeVisibleAsync();
        await page.GetByTestId("withdraw-submit").ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Begrundelse: skal udfyldes.");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#begrundelse");
        await BrowserFixture.CheckPageAsync(page, "kandidat-afmeld-fejl");
        await page.GetByLabel("Begrundelse").FillAsync("Har selv fundet job");
        await page.GetByTestId("withdraw-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("candidate-saved")).ToHaveTextAsync("Kandidaten er afmeldt puljen.");
        await Assertions.Expect(page.GetByTestId("candidate-status")).ToContainTextAsync("Kandidaten blev afmeldt puljen den");
        await Assertions.Expect(page.GetByTestId("candidate-status")).ToContainTextAsync("(begrundelse: Har selv fundet job)");
        await Assertions.Expect(page.GetByTestId("candidate-edit")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("candidate-not-changeable")).ToContainTextAsync("så kandidaten kan ikke ændres");
        await BrowserFixture.CheckPageAsync(page, "kandidat-afmeldt");
        var withdrawn = await fixture.Host.RunAsync(services => services.GetRequiredService<CrmDbContext>().Candidates.AsNoTracking().SingleAsync(c => c.Id == stored.Id));
        Assert.Equal("Har selv fundet job", withdrawn.WithdrawalReason);
        Assert.NotNull(withdrawn.WithdrawnAt);

        // A withdrawn candidate's form is refused in Danish before it is filled in.
        var response = await page.GotoAsync($"/kandidater/{stored.Id}/rediger");
        Assert.Equal(400, response!.Status);
        await Assertions.Expect(page.GetByTestId("refusal")).ToContainTextAsync("så kandidaten kan ikke ændres");
    }

    [BrowserFact]
    public async Task A_company_user_is_refused_the_candidate_pages_and_a_manager_is_not_offered_registering()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var candidate = await fixture.Host.RunAsync(services => services.GetRequiredService<RegisterCandidateHandler>().HandleAsync(
            new RegisterCandidateInput($"SAG-{Guid.NewGuid().ToString("N")[..8]}", TargetGroup.NewGraduate, ["9321"], EducationLevel.Bachelor, false, "9000", new DateOnly(2027, 1, 4)),
            consultant, CancellationToken.None));

        var company = await fixture.Host.RegisterAsync(consultant, "Ingen Kandidater ApS");
        var user = await fixture.Host.CreateUserAsync(Role.Company, company.Id);
        var page = await fixture.SignInAsync(user.Email);
        foreach (var path in new[] { "/kandidater/ny", $"/kandidater/{candidate.Id}", $"/kandidater/{candidate.Id}/rediger", $"/kandidater/{candidate.Id}/afmeld" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du har ikke adgang til siden" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("refusal")).ToContainTextAsync("virksomhedsbruger");
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(candidate.CaseReference);
        }

        await BrowserFixture.CheckPageAsync(page, "kandidat-virksomhed-afvist");

        // A manager reads the candidate but is offered neither registering nor changing: the core lets only consultants.
        var manager = await fixture.Host.CreateUserAsync(Role.Manager);
        var managerPage = await fixture.SignInAsync(manager.Email, $"/kandidater/{candidate.Id}");
        await Assertions.Expect(managerPage.GetByTestId("candidate-facts")).ToContainTextAsync("dimittender");
        await Assertions.Expect(managerPage.GetByTestId("candidate-facts")).ToContainTextAsync("Mellemlang videregående uddannelse");
        await Assertions.Expect(managerPage.GetByTestId("candidate-edit")).ToHaveCountAsync(0);
        await Assertions.Expect(managerPage.GetByTestId("candidate-withdraw")).ToHaveCountAsync(0);
        await BrowserFixture.CheckPageAsync(managerPage, "kandidat-leder");
        await managerPage.GotoAsync("/kandidater");
        await Assertions.Expect(managerPage.GetByTestId("register-link")).ToHaveCountAsync(0);
        Assert.Equal(403, (await managerPage.GotoAsync("/kandidater/ny"))!.Status);

        // An unknown candidate: the not-found page other pages give.
        var consultantPage = await fixture.SignInAsync(consultant.Email);
        var unknown = await consultantPage.GotoAsync($"/kandidater/{Guid.NewGuid()}");
        Assert.Equal(404, unknown!.Status);
        await Assertions.Expect(consultantPage.GetByRole(AriaRole.Heading, new() { Name = "Siden findes ikke" })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(consultantPage, "kandidat-ukendt");
    }
}
