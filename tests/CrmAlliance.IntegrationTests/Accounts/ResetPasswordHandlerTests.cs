using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Accounts.Passwords;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Accounts;

/// <summary>The web UI's password reset: the same refusal whether the e-mail is unknown or the code wrong; a code works once.</summary>
public sealed class ResetPasswordHandlerTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string NewPassword = "Vinterbad-Nibe-Strand-2026";

    [Fact]
    public async Task An_unknown_e_mail_a_made_up_code_and_a_used_code_get_the_same_refusal_on_the_code()
    {
        var email = (await factory.CreateUserAsync("CONSULTANT")).Email;
        var code = await ResetCodeAsync(email);

        var unknown = await RefusalAsync(new ResetPasswordInput("nobody-here@test.local", code, NewPassword));
        var madeUp = await RefusalAsync(new ResetPasswordInput(email, "bm90LWEtY29kZQ", NewPassword));
        var notBase64 = await RefusalAsync(new ResetPasswordInput(email, "ikke en kode!", NewPassword));
        await RunAsync(new ResetPasswordInput(email, code, NewPassword));
        var used = await RefusalAsync(new ResetPasswordInput(email, code, "Endnu-En-Ny-Kode-Ved-Limfjorden"));

        Assert.All([unknown, madeUp, notBase64, used], refusal =>
        {
            var error = Assert.Single(refusal.Errors);
            Assert.Equal("code", error.Field);
            Assert.Equal("Accounts.ResetCodeInvalid", error.Text.Key);
        });
        await factory.SignInAsync(email, NewPassword);
    }

    [Fact]
    public async Task A_weak_password_is_refused_on_the_new_password_with_the_policy_rule_and_the_code_still_works()
    {
        var email = (await factory.CreateUserAsync("CONSULTANT")).Email;
        var code = await ResetCodeAsync(email);

        var weak = await RefusalAsync(new ResetPasswordInput(email, code, "kort"));

        Assert.Contains(weak.Errors, e => e.Field == "newPassword" && e.Rule == "PASSWORD_TOO_SHORT");
        await RunAsync(new ResetPasswordInput(email, code, NewPassword));
        await factory.SignInAsync(email, NewPassword);
    }

    private async Task<string> ResetCodeAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!);
        return WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));
    }

    private async Task RunAsync(ResetPasswordInput input)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ResetPasswordHandler>().HandleAsync(input, CancellationToken.None);
    }

    private Task<ValidationException> RefusalAsync(ResetPasswordInput input) => Assert.ThrowsAsync<ValidationException>(() => RunAsync(input));
}
