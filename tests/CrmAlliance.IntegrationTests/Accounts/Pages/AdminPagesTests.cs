using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.RegularExpressions;
using CrmAlliance.Api.Features.Accounts.Email;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using NSubstitute;

namespace CrmAlliance.IntegrationTests.Accounts.Pages;

/// <summary>
/// The Admins' pages over HTTP with a sign-in cookie: each role gets what the core allows it, the others the Danish
/// refusal page with status 403; the lock form changes a user only for an Admin.
/// </summary>
public sealed partial class AdminPagesTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Theory]
    [InlineData("/admin/brugere", "<h1>Brugere</h1>")]
    [InlineData("/admin/bus", "<h1>Bussens tilstand</h1>")]
    public async Task Only_an_Admin_gets_the_page_and_every_other_role_is_refused_in_Danish(string path, string heading)
    {
        var admin = await SignInWithCookieAsync(CrmApiFactory.AdminEmail, CrmApiFactory.AdminPassword);
        var (consultant, manager, companyUser) = await OtherRolesAsync();

        var allowed = await GetAsync(admin, path);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Contains(heading, allowed.Html, StringComparison.Ordinal);
        foreach (var (client, role) in new[] { (consultant, "virksomhedskonsulent"), (manager, "leder"), (companyUser, "virksomhedsbruger") })
        {
            var refused = await GetAsync(client, path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Contains("Du har ikke adgang til siden", refused.Html, StringComparison.Ordinal);
            Assert.Contains($"Rollen {role} må ikke gøre dette.", refused.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(heading, refused.Html, StringComparison.Ordinal);
        }

        var anonymous = await GetAsync(NewClient(), path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.StartsWith("/log-ind?returnUrl=", anonymous.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/brugere?side=abc")]
    [InlineData("/admin/bus?side=abc")]
    [InlineData("/admin/brugere/inviter?virksomhed-side=1e3")]
    [InlineData("/virksomheder?side=99999999999")]
    [InlineData("/kandidater?side=-1")]
    [InlineData("/ledelse?side=x")]
    [InlineData("/ledelse/rangliste?side=abc")]
    [InlineData("/ledelse/gratis-arbejdskraft?side=%00")]
    [InlineData("/ledelse/effektmaal?ret=not-an-id")]
    [InlineData("/?opslag-side=abc&opfoelgning-side=2147483648&udfoert=x")]
    public async Task A_tampered_query_value_shows_the_page_not_an_error(string path)
    {
        var admin = await SignInWithCookieAsync(CrmApiFactory.AdminEmail, CrmApiFactory.AdminPassword);
        var (_, manager, _) = await OtherRolesAsync();

        var page = await GetAsync(admin, path);

        Assert.True((int)page.Status < 500, $"{path}: {(int)page.Status}");
        Assert.DoesNotContain("Exception", page.Html, StringComparison.Ordinal);
        if (path.StartsWith("/admin/bus", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(manager, path)).Status);
        }
    }

    [Fact]
    public async Task The_invitation_page_is_for_those_the_core_lets_invite_Admins_and_consultants()
    {
        var admin = await SignInWithCookieAsync(CrmApiFactory.AdminEmail, CrmApiFactory.AdminPassword);
        var (consultant, manager, companyUser) = await OtherRolesAsync();

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(admin, "/admin/brugere/inviter")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(consultant, "/admin/brugere/inviter")).Status);
        foreach (var client in new[] { manager, companyUser })
        {
            var refused = await GetAsync(client, "/admin/brugere/inviter");
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Contains("Du har ikke adgang til siden", refused.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Send invitation", refused.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_user_page_for_changing_a_role_is_for_Admins_only()
    {
        var admin = await SignInWithCookieAsync(CrmApiFactory.AdminEmail, CrmApiFactory.AdminPassword);
        var (consultant, manager, companyUser) = await OtherRolesAsync();
        var path = "/admin/brugere/" + await UserIdAsync(CrmApiFactory.AdminEmail);

        var allowed = await GetAsync(admin, path);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Contains("Skift rolle", allowed.Html, StringComparison.Ordinal);
        foreach (var client in new[] { consultant, manager, companyUser })
        {
            var refused = await GetAsync(client, path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.DoesNotContain("Skift rolle", refused.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(CrmApiFactory.AdminEmail, refused.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_lock_form_locks_a_user_for_an_Admin_refuses_locking_oneself_in_Danish_and_does_nothing_for_a_consultant()
    {
        var admin = await SignInWithCookieAsync(CrmApiFactory.AdminEmail, CrmApiFactory.AdminPassword);
        var target = await factory.CreateUserAsync("MANAGER");
        var consultantUser = await factory.CreateUserAsync("CONSULTANT");
        var consultant = await SignInWithCookieAsync(consultantUser.Email, TestUsers.Password);
        var targetId = await UserIdAsync(target.Email);
        var adminId = await UserIdAsync(CrmApiFactory.AdminEmail);

        var byConsultant = await PostLockAsync(consultant, targetId);
        Assert.False(await IsLockedAsync(target.Email));
        Assert.NotEqual(HttpStatusCode.Redirect, byConsultant.Status);

        var own = await PostLockAsync(admin, adminId);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("Du kan ikke spærre din egen konto.", own.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("userId", own.Html, StringComparison.Ordinal);
        Assert.False(await IsLockedAsync(CrmApiFactory.AdminEmail));

        var locked = await PostLockAsync(admin, targetId);
        Assert.Equal(HttpStatusCode.Redirect, locked.Status);
        Assert.Equal($"/admin/brugere?aendret={targetId}", locked.Location);
        Assert.True(await IsLockedAsync(target.Email));
        var confirmation = await GetAsync(admin, locked.Location!);
        Assert.Contains($"{target.Email} er spærret og kan ikke logge ind.", confirmation.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invited_user_is_shown_as_invited_until_they_set_a_password_and_locked_over_either()
    {
        var admin = await SignInWithCookieAsync(CrmApiFactory.AdminEmail, CrmApiFactory.AdminPassword);
        var graphql = await factory.SignInAsAdminAsync();
        var (invitedEmail, staleEmail) = ($"invited-{Guid.NewGuid():N}@test.local", $"stale-{Guid.NewGuid():N}@test.local");
        foreach (var email in new[] { invitedEmail, staleEmail })
        {
            await graphql.QueryAsync(
                "mutation($input: InviteStaffUserInput!) { inviteStaffUser(input: $input) { id } }",
                new { input = new { email, displayName = "Ivan Inviteret", role = "CONSULTANT" } });
        }

        Assert.Equal("Inviteret", await StatusCellAsync(admin, invitedEmail));
        Assert.Contains("<dd>Inviteret</dd>", (await GetAsync(admin, "/admin/brugere/" + await UserIdAsync(invitedEmail))).Html, StringComparison.Ordinal);

        // Accepting the invitation: the password set with the e-mail's code, as the reset page and POST /auth/resetPassword do.
        var code = (string)factory.Email.ReceivedCalls()
            .Single(c => c.GetMethodInfo().Name == nameof(IAccountEmailSender.SendInvitationCodeAsync) && (string)c.GetArguments()[1]! == invitedEmail)
            .GetArguments()[2]!;
        using (var reset = await NewClient().PostAsJsonAsync("/auth/resetPassword", new { email = invitedEmail, resetCode = code, newPassword = "Inviteret-2026-Kode" }))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        Assert.Equal("Aktiv", await StatusCellAsync(admin, invitedEmail));

        // Locked wins over invited.
        Assert.Equal(HttpStatusCode.Redirect, (await PostLockAsync(admin, await UserIdAsync(staleEmail))).Status);
        Assert.Equal("Spærret", await StatusCellAsync(admin, staleEmail));
    }

    /// <summary>The status cell of the users list's row for the e-mail, found with the list's search.</summary>
    private static async Task<string> StatusCellAsync(HttpClient admin, string email)
    {
        var page = await GetAsync(admin, "/admin/brugere?soeg=" + Uri.EscapeDataString(email));
        var row = Regex.Matches(page.Html, "<tr[^>]*>(?<row>.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups["row"].Value).Single(r => r.Contains(email, StringComparison.Ordinal));
        var cells = Regex.Matches(row, "<td>(?<cell>.*?)</td>", RegexOptions.Singleline).Select(m => m.Groups["cell"].Value.Trim()).ToList();
        return cells[3];
    }

    private async Task<(HttpClient Consultant, HttpClient Manager, HttpClient CompanyUser)> OtherRolesAsync()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var manager = await factory.CreateUserAsync("MANAGER");
        var companyId = await consultant.Client.RegisterCompanyAsync("Adminsider ApS");
        var companyUser = await factory.CreateUserAsync("COMPANY", companyId);
        return (
            await SignInWithCookieAsync(consultant.Email, TestUsers.Password),
            await SignInWithCookieAsync(manager.Email, TestUsers.Password),
            await SignInWithCookieAsync(companyUser.Email, TestUsers.Password));
    }

    /// <summary>Posts the users page's lock form as a browser would: with the antiforgery token of a page the user was shown.</summary>
    private static async Task<PageAnswer> PostLockAsync(HttpClient client, string userId)
    {
        var page = await GetAsync(client, "/admin/brugere");
        var token = AntiforgeryToken().Match(page.Html).Groups["token"].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "user-lock",
            ["__RequestVerificationToken"] = token,
            ["spaer"] = userId,
        });
        using var response = await client.PostAsync("/admin/brugere", form);
        return new PageAnswer(response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), PathOf(response.Headers.Location));
    }

    private static async Task<PageAnswer> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return new PageAnswer(response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), PathOf(response.Headers.Location));
    }

    /// <summary>A redirect's target as this site's path and query (the test server answers with absolute addresses).</summary>
    private static string? PathOf(Uri? location) => location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignInWithCookieAsync(string email, string password)
    {
        var client = NewClient();
        using var response = await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = factory.NewDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<bool> IsLockedAsync(string email)
    {
        await using var db = factory.NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        return user.LockoutEnd > DateTimeOffset.UtcNow;
    }

    private sealed record PageAnswer(HttpStatusCode Status, string Html, string? Location);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
