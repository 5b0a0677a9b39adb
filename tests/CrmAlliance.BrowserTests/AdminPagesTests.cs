using CrmAlliance.Api.Core;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>
/// The Admin's day: inviting a company user, who chooses a password from the e-mailed code and lands on the company's
/// start page; locking a user by keyboard alone, whose sign-in is then refused in Danish.
/// </summary>
public sealed class AdminPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string AdminEmail = "admin@browser.test";

    [BrowserFact]
    public async Task An_admin_invites_a_company_user_who_chooses_a_password_from_the_e_mail_and_signs_in_to_the_company_start_page()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var company = await fixture.Host.RegisterAsync(consultant, "Invitationsbageriet ApS");
        await fixture.Host.RegisterAsync(consultant, "Invitationstømreren ApS");
        var email = $"hanne-{Guid.NewGuid():N}@bageriet.test";

        var page = await fixture.SignInAsync(AdminEmail);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "Brugere" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Brugere", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("users")).ToContainTextAsync(AdminEmail);
        await Assertions.Expect(page.GetByTestId("users")).ToContainTextAsync("administrator");
        await BrowserFixture.CheckPageAsync(page, "admin-brugere");

        await page.GetByTestId("invite-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invitér en virksomhedsbruger", Level = 1 })).ToBeVisibleAsync();
        var choices = page.GetByTestId("company-choices").GetByRole(AriaRole.Radio);

        // What was typed into the invitation stays while the company search answers as you type.
        await page.GetByLabel("E-mail").FillAsync("hanne@eksempel.test");
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Hanne Først");
        await page.GetByLabel("Find virksomheden").PressSequentiallyAsync("Invitations", new() { Delay = 40 });
        await Assertions.Expect(choices).ToHaveCountAsync(2);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("virksomhed-soeg=Invitations"));
        await Assertions.Expect(page.GetByLabel("E-mail")).ToHaveValueAsync("hanne@eksempel.test");
        await Assertions.Expect(page.GetByLabel("Navn", new() { Exact = true })).ToHaveValueAsync("Hanne Først");
        await BrowserFixture.CheckPageAsync(page, "admin-inviter");

        // Nothing chosen yet: the page asks for the company, the core for a real e-mail, both in Danish.
        await page.GetByLabel("E-mail").FillAsync("ikke-en-adresse");
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Hanne Hansen");
        await page.GetByTestId("invite-submit").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Vælg virksomheden");
        await Assertions.Expect(summary).ToContainTextAsync("E-mail: 'ikke-en-adresse' er ikke en e-mailadresse.");
        await BrowserFixture.CheckPageAsync(page, "admin-inviter-fejl");

        await page.GetByLabel("Invitationsbageriet ApS").CheckAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByTestId("invite-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("invited")).ToContainTextAsync($"Invitationen er sendt til {email} som bruger hos Invitationsbageriet ApS.");
        await BrowserFixture.CheckPageAsync(page, "admin-inviter-sendt");

        // The same e-mail again is refused by the core, in Danish.
        await page.GetByLabel("Invitationsbageriet ApS").CheckAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Hanne Hansen");
        await page.GetByTestId("invite-submit").ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync($"Der findes allerede en bruger med e-mailen {email}.");

        // The new user in the list: a company user of the bakery, invited (no password yet), not locked.
        await page.GotoAsync("/admin/brugere?soeg=" + Uri.EscapeDataString(email));
        var row = page.GetByTestId("user-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Hanne Hansen");
        await Assertions.Expect(row).ToContainTextAsync("virksomhedsbruger");
        await Assertions.Expect(row).ToContainTextAsync("Invitationsbageriet ApS");
        await Assertions.Expect(row).ToContainTextAsync("Inviteret");

        // The invited person, in a browser of their own: the link from the e-mail (address and code filled in), a password, then signing in.
        var invited = await fixture.NewPageAsync();
        await invited.GotoAsync((await Mail.LinkSentToAsync(fixture.Host, email)).AbsoluteUri);
        await Assertions.Expect(invited.GetByLabel("E-mail", new() { Exact = true })).ToHaveValueAsync(email);
        await Assertions.Expect(invited.GetByLabel("Kode fra e-mailen")).ToHaveValueAsync(await Mail.CodeSentToAsync(fixture.Host, email));
        await invited.GetByLabel("Ny adgangskode").FillAsync("Rugbrød-og-kringler-2026");
        await invited.GetByRole(AriaRole.Button, new() { Name = "Gem ny adgangskode" }).ClickAsync();
        await Assertions.Expect(invited.GetByText("Din nye adgangskode er gemt. Log ind med den.")).ToBeVisibleAsync();
        await invited.GetByLabel("E-mail").FillAsync(email);
        await invited.GetByLabel("Adgangskode").FillAsync("Rugbrød-og-kringler-2026");
        await invited.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(invited.GetByRole(AriaRole.Heading, new() { Name = "Forside", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(invited.GetByTestId("signed-in-user")).ToContainTextAsync($"{email}, virksomhedsbruger");
        await Assertions.Expect(invited.GetByTestId("company-welcome")).ToContainTextAsync("Velkommen");
        await Assertions.Expect(invited.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = "Brugere" })).ToHaveCountAsync(0);
        await BrowserFixture.CheckPageAsync(invited, "admin-inviteret-forside");

        // With a password set, the invitation is accepted: the Admin's list says active.
        await page.ReloadAsync();
        await Assertions.Expect(row).ToContainTextAsync("Aktiv");

        // Their own company's page is theirs; the admin pages are not.
        var refused = await invited.GotoAsync("/admin/brugere");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(invited.GetByTestId("refusal")).ToContainTextAsync("Rollen virksomhedsbruger må ikke gøre dette.");
        Assert.NotEqual(Guid.Empty, company.Id);
    }

    [BrowserFact]
    public async Task An_admin_invites_a_manager_who_chooses_a_password_from_the_e_mail_and_signs_in_to_the_managers_pages()
    {
        var email = $"mette-{Guid.NewGuid():N}@aalborg.test";
        var page = await fixture.SignInAsync(AdminEmail, "/admin/brugere");
        await page.GetByTestId("invite-staff-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invitér en medarbejder", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "admin-inviter-medarbejder");

        // No role chosen and no name: both refused at once, in Danish, and nobody is created.
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByTestId("invite-submit").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Navn");
        await Assertions.Expect(summary).ToContainTextAsync("Rolle");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Rolle", Exact = false }).ClickAsync();
        await Assertions.Expect(page.Locator("#rolle")).ToBeFocusedAsync();
        await BrowserFixture.CheckPageAsync(page, "admin-inviter-medarbejder-fejl");
        await page.GotoAsync("/admin/brugere?soeg=" + Uri.EscapeDataString(email));
        await Assertions.Expect(page.GetByTestId("user-row")).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/brugere/inviter-medarbejder");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Mette Madsen");
        await page.GetByLabel("Leder").CheckAsync();
        await page.GetByTestId("invite-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("invited")).ToContainTextAsync($"Invitationen er sendt til {email} som leder.");
        await BrowserFixture.CheckPageAsync(page, "admin-inviter-medarbejder-sendt");

        var invited = await fixture.NewPageAsync();
        await invited.GotoAsync((await Mail.LinkSentToAsync(fixture.Host, email)).AbsoluteUri);
        await invited.GetByLabel("Ny adgangskode").FillAsync("Limfjorden-og-Ålborg-2026");
        await invited.GetByRole(AriaRole.Button, new() { Name = "Gem ny adgangskode" }).ClickAsync();
        await invited.GetByLabel("E-mail").FillAsync(email);
        await invited.GetByLabel("Adgangskode").FillAsync("Limfjorden-og-Ålborg-2026");
        await invited.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(invited.GetByTestId("signed-in-user")).ToContainTextAsync($"{email}, leder");
        await invited.GotoAsync("/ledelse");
        await Assertions.Expect(invited.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var refused = await invited.GotoAsync("/admin/brugere/inviter-medarbejder");
        Assert.Equal(403, refused!.Status);
    }

    [BrowserFact]
    public async Task An_admin_locks_a_user_with_the_keyboard_alone_and_the_users_sign_in_is_refused_in_Danish()
    {
        var manager = await fixture.Host.CreateUserAsync(Role.Manager);
        var page = await fixture.NewPageAsync();

        // Sign in: Tab, type, Tab, type, Enter.
        await page.GotoAsync("/log-ind");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(AdminEmail);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(WebHost.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forside", Level = 1 })).ToBeVisibleAsync();

        // Back up to the menu's "Brugere" (focus starts at the heading, after the menu), then on to the search field:
        // the list narrows to the manager as the e-mail is typed.
        await TabToAsync(page, "a.nav-link[href='/admin/brugere']", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Brugere", Level = 1 })).ToBeVisibleAsync();
        await TabToAsync(page, "#soeg");
        await page.Keyboard.TypeAsync(manager.Email, new() { Delay = 20 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape("soeg=" + Uri.EscapeDataString(manager.Email)) + "$"));
        var rows = page.GetByTestId("user-row");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("leder");

        await TabToAsync(page, $"button[name='spaer'][value='{manager.UserId}']");
        await page.Keyboard.PressAsync("Enter");

        var confirmation = page.GetByTestId("lock-changed");
        await Assertions.Expect(confirmation).ToBeFocusedAsync();
        await Assertions.Expect(confirmation).ToContainTextAsync($"{manager.Email} er spærret og kan ikke logge ind.");
        await Assertions.Expect(rows).ToContainTextAsync("Spærret");
        await BrowserFixture.CheckPageAsync(page, "admin-bruger-spaerret");

        // The locked user cannot sign in: the sign-in page's one Danish refusal.
        var locked = await fixture.NewPageAsync();
        await locked.GotoAsync("/log-ind");
        await locked.GetByLabel("E-mail").FillAsync(manager.Email);
        await locked.GetByLabel("Adgangskode").FillAsync(WebHost.Password);
        await locked.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(locked.GetByTestId("error-summary")).ToContainTextAsync("E-mail eller adgangskode er forkert, eller kontoen er midlertidigt spærret");
        Assert.EndsWith("/log-ind", locked.Url);
        await BrowserFixture.CheckPageAsync(locked, "admin-spaerret-bruger-afvist");

        // Unlocked again (still by keyboard), the user signs in.
        await TabToAsync(page, $"button[name='genaabn'][value='{manager.UserId}']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(confirmation).ToContainTextAsync($"{manager.Email} er genåbnet og kan logge ind igen.");
        await locked.GetByLabel("Adgangskode").FillAsync(WebHost.Password);
        await locked.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(locked.GetByTestId("signed-in-user")).ToContainTextAsync(manager.Email);
    }

    [BrowserFact]
    public async Task An_admin_moves_a_consultant_to_a_company_named_by_CVR_and_a_company_user_without_one_is_refused_in_Danish()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var company = await fixture.Host.RegisterAsync(consultant, "Rolleskiftet ApS");
        var page = await fixture.SignInAsync(AdminEmail);
        await page.GotoAsync("/admin/brugere?soeg=" + Uri.EscapeDataString(consultant.Email));
        await page.GetByTestId("user-row").GetByRole(AriaRole.Link, new() { Name = "Test Consultant" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test Consultant", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-facts")).ToContainTextAsync("virksomhedskonsulent");
        await BrowserFixture.CheckPageAsync(page, "admin-bruger");

        await page.GetByLabel("virksomhedsbruger", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("set-role-submit").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Virksomhed: skal udfyldes for en virksomhedsbruger.");
        await Assertions.Expect(page.GetByTestId("user-facts")).ToContainTextAsync("virksomhedskonsulent");
        await BrowserFixture.CheckPageAsync(page, "admin-bruger-rolle-fejl");

        await page.GetByLabel("Virksomhedens CVR-nummer").FillAsync(company.Cvr);
        await page.GetByTestId("set-role-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("role-changed")).ToContainTextAsync("Rollen er skiftet til virksomhedsbruger.");
        await Assertions.Expect(page.GetByTestId("user-facts")).ToContainTextAsync("Rolleskiftet ApS");
        await BrowserFixture.CheckPageAsync(page, "admin-bruger-rolle-skiftet");
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has focus, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, string selector, bool backwards = false)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await page.EvaluateAsync<bool>("selector => document.activeElement?.matches(selector) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }

        Assert.Fail($"{selector} was not reached with 80 presses of Tab.");
    }
}
