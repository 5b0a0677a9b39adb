using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>The start page shows the signed-in consultant's follow-ups due, in Danish, from the ContactLogs queries.</summary>
public sealed class StartPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_consultant_sees_their_follow_ups_due_with_Danish_dates_and_words()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var other = await fixture.Host.CreateUserAsync(Role.Consultant);
        var today = DanishCalendar.Today(TimeProvider.System);
        await LogContactWithFollowUpAsync(consultant, "Vestjysk Svejseværk A/S", "12345674", "Ring om praktikpladser", today);
        await LogContactWithFollowUpAsync(other, "Andens Virksomhed ApS", "23456788", "Ikke min opfølgning", today);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/log-ind");
        await page.GetByLabel("E-mail").FillAsync(consultant.Email);
        await page.GetByLabel("Adgangskode").FillAsync(WebHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();

        var table = page.GetByTestId("follow-ups");
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        var row = table.Locator("tbody tr");
        await Assertions.Expect(row).ToContainTextAsync(today.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(row).ToContainTextAsync("Vestjysk Svejseværk A/S");
        await Assertions.Expect(row).ToContainTextAsync("Telefon");
        await Assertions.Expect(row).ToContainTextAsync("Ring om praktikpladser");
        await BrowserFixture.CheckPageAsync(page, "forside-konsulent-opfoelgninger");

        // English texts on request, kept in a cookie; dates stay Danish (da-DK).
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Follow-ups due" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(row).ToContainTextAsync("Phone");
        await Assertions.Expect(row).ToContainTextAsync(today.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await BrowserFixture.CheckPageAsync(page, "start-consultant-english");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dansk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Opfølgninger, der er forfaldne" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_users_language_choice_is_kept_on_their_account_and_follows_them_to_another_browser()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var colleague = await fixture.Host.CreateUserAsync(Role.Consultant);
        var page = await fixture.SignInAsync(consultant.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Follow-ups due" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/log-ind", StringComparison.Ordinal));

        // Another browser, no cookie of the first: signing in brings the account's choice.
        var elsewhere = await fixture.SignInAsync(consultant.Email);
        await Assertions.Expect(elsewhere.GetByRole(AriaRole.Heading, new() { Name = "Follow-ups due" })).ToBeVisibleAsync();
        await Assertions.Expect(elsewhere.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await BrowserFixture.CheckPageAsync(elsewhere, "start-consultant-english-own-choice");

        // A colleague at that same browser has not chosen English: their pages are Danish.
        await elsewhere.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await elsewhere.WaitForURLAsync(url => url.Contains("/log-ind", StringComparison.Ordinal));
        await elsewhere.GetByLabel("E-mail").FillAsync(colleague.Email);
        await elsewhere.GetByLabel("Adgangskode").FillAsync(WebHost.Password);
        await elsewhere.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(elsewhere.GetByRole(AriaRole.Heading, new() { Name = "Opfølgninger, der er forfaldne" })).ToBeVisibleAsync();

        // Back to Danish, on the account too: the next sign-in is Danish.
        var again = await fixture.SignInAsync(consultant.Email);
        await again.GetByRole(AriaRole.Button, new() { Name = "Dansk" }).ClickAsync();
        await Assertions.Expect(again.GetByRole(AriaRole.Heading, new() { Name = "Opfølgninger, der er forfaldne" })).ToBeVisibleAsync();
        var later = await fixture.SignInAsync(consultant.Email);
        await Assertions.Expect(later.GetByRole(AriaRole.Heading, new() { Name = "Opfølgninger, der er forfaldne" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_consultant_marks_an_overdue_follow_up_done_and_it_leaves_the_list()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var company = await fixture.Host.RegisterAsync(consultant, "Nordjysk Stål A/S");
        var today = DanishCalendar.Today(TimeProvider.System);
        await LogPastContactAsync(consultant, company.Id, "Aftalt at ringe om lærepladser", today.AddDays(-40));
        await LogPastContactAsync(consultant, company.Id, "Opfølgning på besøg", today.AddDays(-10));

        var page = await fixture.SignInAsync(consultant.Email);
        var table = page.GetByTestId("follow-ups");
        await Assertions.Expect(table.Locator("thead")).ToContainTextAsync("Opfølgning senest");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        var companyLink = table.Locator("tbody tr").First.GetByRole(AriaRole.Link, new() { Name = "Nordjysk Stål A/S" });
        await Assertions.Expect(companyLink).ToHaveAttributeAsync("href", $"/virksomheder/{company.Id}");
        await BrowserFixture.CheckPageAsync(page, "forside-opfoelgninger-udfoer");

        var oldest = today.AddDays(-40).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Markér som udført: Nordjysk Stål A/S, opfølgning senest {oldest}" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("follow-up-completed")).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(table).Not.ToContainTextAsync("Aftalt at ringe om lærepladser");
        await Assertions.Expect(table).ToContainTextAsync("Opfølgning på besøg");

        // A reload keeps it gone: it was stored done, not hidden by the page.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("follow-ups").Locator("tbody tr")).ToHaveCountAsync(1);

        await page.GetByTestId("follow-ups").GetByRole(AriaRole.Link, new() { Name = "Nordjysk Stål A/S" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nordjysk Stål A/S", Level = 1 })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_manager_sees_follow_ups_due_but_is_not_offered_to_mark_them_done()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var manager = await fixture.Host.CreateUserAsync(Role.Manager);
        var company = await fixture.Host.RegisterAsync(consultant, "Ledertjek Maskiner ApS");
        await LogPastContactAsync(consultant, company.Id, "Konsulentens opfølgning", DanishCalendar.Today(TimeProvider.System).AddDays(-3));

        var page = await fixture.SignInAsync(manager.Email);

        await Assertions.Expect(page.GetByTestId("follow-ups")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("complete-follow-up")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Follow_ups_beyond_the_first_twenty_are_reached_by_pages_in_the_address()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var company = await fixture.Host.RegisterAsync(consultant, "Mangeopfølgning Smedje ApS");
        var today = DanishCalendar.Today(TimeProvider.System);
        for (var i = 1; i <= 23; i++)
        {
            // Oldest first on the page: follow-up 01 is due 30 days ago, 23 is due 8 days ago.
            await LogPastContactAsync(consultant, company.Id, $"Opfølgning {i:D2}", today.AddDays(i - 31));
        }

        var page = await fixture.SignInAsync(consultant.Email);
        var rows = page.GetByTestId("follow-ups").Locator("tbody tr");
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Sider med opfølgninger" });
        await Assertions.Expect(rows).ToHaveCountAsync(20);
        await Assertions.Expect(page.GetByText("Viser 20 af 23 opfølgninger.")).ToBeVisibleAsync();

        await pager.GetByRole(AriaRole.Link, new() { Name = "Side 2" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("opfoelgning-side=2", StringComparison.Ordinal));
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Opfølgning 21");
        await Assertions.Expect(pager.Locator("[aria-current=page]")).ToHaveTextAsync("2");
        await BrowserFixture.CheckPageAsync(page, "forside-opfoelgninger-side-2");

        // Marking one done there stays on that page.
        await rows.Nth(0).GetByTestId("complete-follow-up").ClickAsync();
        await Assertions.Expect(page.GetByTestId("follow-up-completed")).ToBeVisibleAsync();
        Assert.Contains("opfoelgning-side=2", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Opfølgning 22");
    }

    private Task<ContactLogView> LogPastContactAsync(Actor consultant, Guid companyId, string summary, DateOnly followUpOn)
        => fixture.Host.RunAsync(services => services.GetRequiredService<LogContactHandler>().HandleAsync(
            new LogContactInput(companyId, DanishCalendar.StartOf(followUpOn.AddDays(-7)).AddHours(10), ContactChannel.Visit, summary, FollowUpOn: followUpOn),
            consultant, CancellationToken.None));

    private Task<ContactLogView> LogContactWithFollowUpAsync(Actor consultant, string company, string cvr, string summary, DateOnly followUpOn)
        => fixture.Host.RunAsync(async services =>
        {
            var registered = await services.GetRequiredService<RegisterCompanyHandler>().HandleAsync(
                new RegisterCompanyInput(cvr, company, "620100", "Boulevarden 1", "9000", Sector.Private), consultant, CancellationToken.None);
            return await services.GetRequiredService<LogContactHandler>().HandleAsync(
                new LogContactInput(registered.Id, DateTimeOffset.UtcNow.AddMinutes(-5), ContactChannel.Phone, summary, FollowUpOn: followUpOn), consultant, CancellationToken.None);
        });
}
