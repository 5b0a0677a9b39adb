using System.Net.Http.Json;
using System.Reflection;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Accounts.Email;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace CrmAlliance.IntegrationTests.Accounts;

/// <summary>Admins invite jobcenter staff: an account without a password, in the chosen role, and an e-mail with the code.</summary>
public sealed class InviteStaffUserTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Theory]
    [InlineData(Role.Consultant)]
    [InlineData(Role.Manager)]
    [InlineData(Role.Admin)]
    public async Task An_admin_invites_staff_in_a_role_without_a_password_and_the_e_mail_carries_the_code(Role role)
    {
        var email = $"staff-{Guid.NewGuid():N}@test.local";

        var view = await InviteAsync(await AdminAsync(), new InviteStaffUserInput(email, "  Søren Staff ", role));

        Assert.Equal((email, "Søren Staff", role, (Guid?)null), (view.Email, view.DisplayName, view.Role, view.CompanyId));
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.False(await users.HasPasswordAsync(user!));
        Assert.Equal([role.ToString()], await users.GetRolesAsync(user!));
        Assert.Single(factory.Email.ReceivedCalls(), c => c.GetMethodInfo().Name == nameof(IAccountEmailSender.SendInvitationCodeAsync) && (string)c.GetArguments()[1]! == email);
    }

    [Fact]
    public async Task Over_GraphQL_an_invited_consultant_sets_a_password_with_the_e_mails_code_and_signs_in_as_a_consultant()
    {
        var admin = await factory.SignInAsAdminAsync();
        var email = $"staff-{Guid.NewGuid():N}@test.local";

        var invited = await admin.QueryAsync(
            "mutation($input: InviteStaffUserInput!) { inviteStaffUser(input: $input) { role company { name } } }",
            new { input = new { email, displayName = "Karen Konsulent", role = "CONSULTANT" } });
        var code = (string)factory.Email.ReceivedCalls()
            .Single(c => c.GetMethodInfo().Name == nameof(IAccountEmailSender.SendInvitationCodeAsync) && (string)c.GetArguments()[1]! == email)
            .GetArguments()[2]!;
        using var reset = await factory.CreateClient().PostAsJsonAsync("/auth/resetPassword", new { email, resetCode = code, newPassword = "Konsulent-2026-Kode" });
        var me = await (await factory.SignInAsync(email, "Konsulent-2026-Kode")).QueryAsync("{ me { role } }");

        Assert.Equal("CONSULTANT", invited["inviteStaffUser"]!["role"]!.GetValue<string>());
        Assert.Null(invited["inviteStaffUser"]!["company"]);
        Assert.Equal(System.Net.HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("CONSULTANT", me["me"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Over_GraphQL_a_users_status_is_INVITED_until_the_invitation_is_accepted_and_LOCKED_over_either()
    {
        var admin = await factory.SignInAsAdminAsync();
        const string Invite = "mutation($input: InviteStaffUserInput!) { inviteStaffUser(input: $input) { id status isLockedOut } }";
        const string Status = "query($id: ID!) { node(id: $id) { ... on User { status } } }";
        const string SetLocked = "mutation($input: SetUserLockedInput!) { setUserLocked(input: $input) { status } }";
        var (email, other) = ($"staff-{Guid.NewGuid():N}@test.local", $"staff-{Guid.NewGuid():N}@test.local");

        var invited = await admin.QueryAsync(Invite, new { input = new { email, displayName = "Ida Inviteret", role = "MANAGER" } });
        var otherInvited = await admin.QueryAsync(Invite, new { input = new { email = other, displayName = "Ole Inviteret", role = "MANAGER" } });
        var id = invited["inviteStaffUser"]!["id"]!.GetValue<string>();
        var read = await admin.QueryAsync(Status, new { id });
        var code = (string)factory.Email.ReceivedCalls()
            .Single(c => c.GetMethodInfo().Name == nameof(IAccountEmailSender.SendInvitationCodeAsync) && (string)c.GetArguments()[1]! == email)
            .GetArguments()[2]!;
        using var reset = await factory.CreateClient().PostAsJsonAsync("/auth/resetPassword", new { email, resetCode = code, newPassword = "Inviteret-2026-Kode" });
        var accepted = await admin.QueryAsync(Status, new { id });
        var locked = await admin.QueryAsync(SetLocked, new { input = new { userId = otherInvited["inviteStaffUser"]!["id"]!.GetValue<string>(), locked = true } });

        Assert.Equal("INVITED", invited["inviteStaffUser"]!["status"]!.GetValue<string>());
        Assert.False(invited["inviteStaffUser"]!["isLockedOut"]!.GetValue<bool>());
        Assert.Equal("INVITED", read["node"]!["status"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("ACTIVE", accepted["node"]!["status"]!.GetValue<string>());
        Assert.Equal("LOCKED", locked["setUserLocked"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Over_GraphQL_a_consultant_may_not_invite_staff()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync(
            "mutation($input: InviteStaffUserInput!) { inviteStaffUser(input: $input) { id } }",
            new { input = new { email = $"staff-{Guid.NewGuid():N}@test.local", displayName = "X", role = "ADMIN" } });

        response.ShouldFailWith("FORBIDDEN");
    }

    [Fact]
    public async Task Only_an_admin_may_invite_staff()
    {
        var consultant = new Actor(Guid.NewGuid().ToString(), "c@test.local", Role.Consultant, null);
        var email = $"staff-{Guid.NewGuid():N}@test.local";

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => InviteAsync(consultant, new InviteStaffUserInput(email, "X", Role.Admin)));

        Assert.Equal("Core.RoleMayNot", refusal.Text.Key);
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task A_company_role_a_missing_role_and_a_missing_name_are_refused_together_and_nobody_is_created()
    {
        var email = $"staff-{Guid.NewGuid():N}@test.local";
        var admin = await AdminAsync();

        var company = await Assert.ThrowsAsync<ValidationException>(() => InviteAsync(admin, new InviteStaffUserInput(email, "Navn", Role.Company)));
        var missing = await Assert.ThrowsAsync<ValidationException>(() => InviteAsync(admin, new InviteStaffUserInput("ikke-en-adresse", " ", null)));

        Assert.Equal(("role", "Accounts.StaffRoleOnly"), (Assert.Single(company.Errors).Field, company.Errors[0].Text.Key));
        Assert.Equal(["email", "displayName", "role"], missing.Errors.Select(e => e.Field));
        Assert.False(await ExistsAsync(email));
    }

    private async Task<Actor> AdminAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(CrmApiFactory.AdminEmail);
        return new Actor(admin!.Id, CrmApiFactory.AdminEmail, Role.Admin, null);
    }

    private async Task<UserView> InviteAsync(Actor actor, InviteStaffUserInput input)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InviteStaffUserHandler>().HandleAsync(input, actor, CancellationToken.None);
    }

    private async Task<bool> ExistsAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email) is not null;
    }
}
