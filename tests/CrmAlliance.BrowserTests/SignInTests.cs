using CrmAlliance.Api.Core;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>Signing in and out in a real browser, in Danish, with DKFDS, checked by axe on every page.</summary>
public sealed class SignInTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_consultant_signs_in_and_lands_on_the_start_page()
    {
        var email = (await fixture.Host.CreateUserAsync(Role.Consultant)).Email;
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        Assert.EndsWith("/log-ind", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log ind", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "log-ind");

        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync(WebHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forside", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(email);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("virksomhedskonsulent");
        await Assertions.Expect(page.GetByTestId("no-follow-ups")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "forside-konsulent");
    }

    [BrowserFact]
    public async Task A_wrong_password_shows_the_error_summary_linked_to_the_field()
    {
        var email = (await fixture.Host.CreateUserAsync(Role.Consultant)).Email;
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/log-ind");

        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();

        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Der er et problem");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#password");
        await Assertions.Expect(page.Locator("#password")).ToHaveAttributeAsync("aria-describedby", "password-error");
        Assert.EndsWith("/log-ind", page.Url);
        await BrowserFixture.CheckPageAsync(page, "log-ind-fejl");
    }

    [BrowserFact]
    public async Task A_consultant_signs_in_with_the_keyboard_alone()
    {
        var email = (await fixture.Host.CreateUserAsync(Role.Consultant)).Email;
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/log-ind");

        // Blazor puts focus on the page's heading (FocusOnNavigate), so the next Tab is the form's first field.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log ind", Level = 1 })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("E-mail")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Adgangskode")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(WebHost.Password);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forside", Level = 1 })).ToBeVisibleAsync();

        // Backwards through the header reaches the skip link first in the page; Enter on it moves focus into main.
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Gå til sidens indhold" });
        for (var presses = 0; presses < 10 && !await skipLink.EvaluateAsync<bool>("link => link === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
        }

        await Assertions.Expect(skipLink).ToBeFocusedAsync();
        await Assertions.Expect(skipLink).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task Signing_out_ends_the_session()
    {
        var email = (await fixture.Host.CreateUserAsync(Role.Manager)).Email;
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/log-ind");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync(WebHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("leder");
        await BrowserFixture.CheckPageAsync(page, "forside-leder");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log af" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Du er logget af.")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "logget-af");
        await page.GotoAsync("/");
        Assert.EndsWith("/log-ind", page.Url);
    }

    [BrowserFact]
    public async Task Forgotten_password_answers_the_same_whether_or_not_the_account_exists()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/log-ind");
        await page.GetByRole(AriaRole.Link, new() { Name = "Glemt adgangskode?" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Glemt adgangskode", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "glemt-adgangskode");

        await page.GetByLabel("E-mail").FillAsync("nobody@test.local");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send kode" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Hvis e-mailen hører til en konto, har vi sendt en kode til den.")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_forgotten_password_is_replaced_with_the_code_from_the_e_mail_and_a_wrong_code_is_refused_in_Danish()
    {
        var email = (await fixture.Host.CreateUserAsync(Role.Consultant)).Email;
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/glemt-adgangskode");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send kode" }).ClickAsync();
        await page.GetByTestId("enter-code").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vælg ny adgangskode", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("E-mail", new() { Exact = true })).ToHaveValueAsync(email);
        await BrowserFixture.CheckPageAsync(page, "nulstil-adgangskode");

        // A made-up code and a weak password: refused by the core, in Danish, each linked to its field.
        await page.GetByLabel("Kode fra e-mailen").FillAsync("ikke-en-rigtig-kode");
        await page.GetByLabel("Ny adgangskode").FillAsync("Sommerhus-Skagen-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem ny adgangskode" }).ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Kode: koden er forkert, brugt eller udløbet");
        await BrowserFixture.CheckPageAsync(page, "nulstil-adgangskode-forkert-kode");

        var code = await Mail.CodeSentToAsync(fixture.Host, email);
        await page.GetByLabel("Kode fra e-mailen").FillAsync(code);
        await page.GetByLabel("Ny adgangskode").FillAsync("kort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem ny adgangskode" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Ny adgangskode: Adgangskoden skal have mindst 12 tegn.");

        await page.GetByLabel("Kode fra e-mailen").FillAsync(code);
        await page.GetByLabel("Ny adgangskode").FillAsync("Sommerhus-Skagen-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem ny adgangskode" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Din nye adgangskode er gemt. Log ind med den.")).ToBeVisibleAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync("Sommerhus-Skagen-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(email);
    }
}
