using System.Net;
using System.Net.Http.Json;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Accounts.Email;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using NSubstitute;

namespace CrmAlliance.IntegrationTests.Accounts;

public sealed class AccountTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string Invite = "mutation($input: InviteCompanyUserInput!) { inviteCompanyUser(input: $input) { id role company { name } } }";
    private const string SetRole = "mutation($input: SetUserRoleInput!) { setUserRole(input: $input) { id role } }";
    private const string CreateUser = "mutation($input: CreateUserInput!) { createUser(input: $input) { id } }";

    [Fact]
    public async Task An_invited_company_user_sets_a_password_with_the_emailed_code_and_signs_in_to_their_company()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await consultant.Client.RegisterCompanyAsync("Invitation ApS", address: "Vej 1");
        var email = $"hr-{Guid.NewGuid():N}@virksomhed.test";

        var invited = await consultant.Client.QueryAsync(Invite, new { input = new { companyId, email, displayName = "Hanne HR" } });
        var code = (string)factory.Email.ReceivedCalls()
            .Single(c => c.GetMethodInfo().Name == nameof(IAccountEmailSender.SendInvitationCodeAsync) && (string)c.GetArguments()[1]! == email)
            .GetArguments()[2]!;
        using var reset = await factory.CreateClient().PostAsJsonAsync("/auth/resetPassword", new { email, resetCode = code, newPassword = "Bageriet-2026-Kode" });
        var user = await factory.SignInAsync(email, "Bageriet-2026-Kode");
        var me = await user.QueryAsync("{ me { role company { name } } }");

        Assert.Equal("COMPANY", invited["inviteCompanyUser"]!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("Invitation ApS", me["me"]!["company"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_company_user_without_a_company_and_a_weak_password_are_refused_field_by_field()
    {
        var admin = await factory.SignInAsAdminAsync();
        var email = $"weak-{Guid.NewGuid():N}@test.local";

        var response = await admin.SendAsync(CreateUser, new { input = new { email, displayName = "Svag", role = "COMPANY", password = "kort" } });

        response.ShouldFailWith("VALIDATION");
        Assert.Contains("input.companyId", response.Fields);
        Assert.Contains("input.password", response.Fields);
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Users, u => u.Email == email);
    }

    [Fact]
    public async Task A_second_user_with_the_same_email_is_a_CONFLICT()
    {
        var admin = await factory.SignInAsAdminAsync();
        var input = new { email = $"twice-{Guid.NewGuid():N}@test.local", displayName = "To gange", role = "MANAGER", password = TestUsers.Password };

        await admin.QueryAsync(CreateUser, new { input });
        var second = await admin.SendAsync(CreateUser, new { input });

        second.ShouldFailWith("CONFLICT");
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked()
    {
        var admin = await factory.SignInAsAdminAsync();
        var manager = await factory.CreateUserAsync("MANAGER");
        const string SetLocked = "mutation($input: SetUserLockedInput!) { setUserLocked(input: $input) { isLockedOut } }";

        var locked = await admin.QueryAsync(SetLocked, new { input = new { userId = manager.Id, locked = true } });
        using var refused = await factory.CreateClient().PostAsJsonAsync("/auth/login", new { email = manager.Email, password = TestUsers.Password });
        await admin.QueryAsync(SetLocked, new { input = new { userId = manager.Id, locked = false } });

        Assert.True(locked["setUserLocked"]!["isLockedOut"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await factory.SignInAsync(manager.Email, TestUsers.Password);
    }

    [Fact]
    public async Task Admins_list_users_by_role()
    {
        var admin = await factory.SignInAsAdminAsync();
        var manager = await factory.CreateUserAsync("MANAGER");

        var managers = await admin.QueryAsync("{ users(role: MANAGER, first: 100) { edges { node { email role } } } }");

        var emails = managers["users"]!["edges"]!.AsArray().Select(e => e!["node"]!["email"]!.GetValue<string>()).ToList();
        Assert.Contains(manager.Email, emails);
        Assert.All(managers["users"]!["edges"]!.AsArray(), e => Assert.Equal("MANAGER", e!["node"]!["role"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_admin_moves_a_manager_to_a_company_and_the_new_role_applies_at_the_next_sign_in()
    {
        var admin = await factory.SignInAsAdminAsync();
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await consultant.Client.RegisterCompanyAsync("Invitation ApS", address: "Vej 1");
        var manager = await factory.CreateUserAsync("MANAGER");

        var moved = await admin.QueryAsync(SetRole, new { input = new { userId = manager.Id, role = "COMPANY", companyId } });
        var again = await factory.SignInAsync(manager.Email, TestUsers.Password);
        var me = await again.QueryAsync("{ me { role company { name } } }");

        Assert.Equal("COMPANY", moved["setUserRole"]!["role"]!.GetValue<string>());
        Assert.Equal("Invitation ApS", me["me"]!["company"]!["name"]!.GetValue<string>());
        (await again.SendAsync("{ candidates { totalCount } }")).ShouldFailWith("FORBIDDEN");
    }

    [Fact]
    public async Task Changing_your_own_role_or_a_company_role_without_company_is_refused_and_changes_nothing()
    {
        var admin = await factory.SignInAsAdminAsync();
        var adminId = (await admin.QueryAsync("{ me { id } }"))["me"]!["id"]!.GetValue<string>();
        var manager = await factory.CreateUserAsync("MANAGER");

        var own = await admin.SendAsync(SetRole, new { input = new { userId = adminId, role = "CONSULTANT" } });
        var noCompany = await admin.SendAsync(SetRole, new { input = new { userId = manager.Id, role = "COMPANY" } });

        own.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.userId"], own.Fields);
        noCompany.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.companyId"], noCompany.Fields);
        var still = await manager.Client.QueryAsync("{ me { role } }");
        Assert.Equal("MANAGER", still["me"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inviting_to_an_unknown_company_is_NOT_FOUND_and_sends_no_mail()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var email = $"nobody-{Guid.NewGuid():N}@test.local";

        var response = await consultant.Client.SendAsync(Invite, new { input = new { companyId = Api.Infrastructure.GraphQL.GlobalId.Encode("Company", Guid.NewGuid()), email, displayName = "Ingen" } });

        response.ShouldFailWith("NOT_FOUND");
        Assert.DoesNotContain(factory.Email.ReceivedCalls(), c => c.GetArguments().Contains(email));
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Users, u => u.Email == email);
    }

    [Fact]
    public async Task An_admin_cannot_lock_themselves_out()
    {
        var admin = await factory.SignInAsAdminAsync();
        var adminId = (await admin.QueryAsync("{ me { id } }"))["me"]!["id"]!.GetValue<string>();

        var response = await admin.SendAsync("mutation($input: SetUserLockedInput!) { setUserLocked(input: $input) { id } }", new { input = new { userId = adminId, locked = true } });

        response.ShouldFailWith("VALIDATION");
        await factory.SignInAsAdminAsync();
    }
}
