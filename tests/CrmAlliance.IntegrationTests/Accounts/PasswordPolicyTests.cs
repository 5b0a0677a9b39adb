using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Accounts.Email;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using NSubstitute;

namespace CrmAlliance.IntegrationTests.Accounts;

/// <summary>Measured before: <c>Password12</c> was accepted as a password.</summary>
public sealed class PasswordPolicyTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string CreateUser = "mutation($input: CreateUserInput!) { createUser(input: $input) { id } }";

    [Theory]
    [InlineData("Password12", "PASSWORD_TOO_SHORT")]
    [InlineData("Password1234", "PASSWORD_TOO_COMMON")]
    [InlineData("Qwertyuiop!2026", "PASSWORD_TOO_COMMON")]
    [InlineData("Sommer2026!!", "PASSWORD_TOO_COMMON")]
    [InlineData("aaaaaaaaaaaa", "PASSWORD_REQUIRES_UNIQUE_CHARS")]
    [InlineData("Hansen-Nordkraft-7", "PASSWORD_CONTAINS_EMAIL")]
    public async Task Weak_passwords_are_refused_naming_the_rule(string password, string rule)
    {
        var admin = await factory.SignInAsAdminAsync();
        var email = $"hanne.hansen.{Guid.NewGuid():N}@test.local";

        var response = await admin.SendAsync(CreateUser, new { input = new { email, displayName = "Hanne", role = "MANAGER", password } });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.password"], response.Fields.Distinct());
        Assert.Contains(rule, response.Errors.Select(e => e["extensions"]!["rule"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_long_uncommon_passphrase_without_digits_or_capitals_is_accepted()
    {
        var admin = await factory.SignInAsAdminAsync();
        var email = $"passphrase-{Guid.NewGuid():N}@test.local";

        await admin.QueryAsync(CreateUser, new { input = new { email, displayName = "Lang", role = "MANAGER", password = "cykel ved limfjorden om morgenen" } });

        await factory.SignInAsync(email, "cykel ved limfjorden om morgenen");
    }

    [Fact]
    public async Task Setting_a_common_password_with_the_invitation_code_is_refused_with_Identity_s_code()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await consultant.Client.RegisterCompanyAsync("Kodeord ApS");
        var email = $"hr-{Guid.NewGuid():N}@virksomhed.test";
        await consultant.Client.QueryAsync(
            "mutation($input: InviteCompanyUserInput!) { inviteCompanyUser(input: $input) { id } }", new { input = new { companyId, email, displayName = "Hanne HR" } });
        var code = (string)factory.Email.ReceivedCalls()
            .Single(c => c.GetMethodInfo().Name == nameof(IAccountEmailSender.SendInvitationCodeAsync) && (string)c.GetArguments()[1]! == email)
            .GetArguments()[2]!;

        using var reset = await factory.CreateClient().PostAsJsonAsync("/auth/resetPassword", new { email, resetCode = code, newPassword = "Password1234!" });

        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        var errors = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("PasswordTooCommon", out _), errors.ToString());
    }
}
