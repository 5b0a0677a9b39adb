using System.Text;
using CrmAlliance.Api.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CrmAlliance.Api.Features.Accounts.Passwords;

public sealed record ResetPasswordInput(string? Email, string? Code, string? NewPassword);

/// <summary>
/// Sets a new password with the code from a reset or invitation e-mail (the web UI's counterpart of Identity's
/// <c>POST /auth/resetPassword</c>, with the same checks): an unknown e-mail, an unconfirmed account and a wrong,
/// used or expired code all get the same refusal, so the page does not tell which e-mails have accounts. The new
/// password must meet the password policy; a reset signs out the account's other sessions (new security stamp).
/// </summary>
public sealed class ResetPasswordHandler(UserManager<ApplicationUser> users)
{
    /// <summary>Codes are a few hundred characters; anything far longer is not one of ours.</summary>
    public const int MaxCodeLength = 2_000;

    public async Task HandleAsync(ResetPasswordInput input, CancellationToken cancellationToken)
    {
        new Validator()
            .Required(input.Email, "email", 256)
            .Required(input.Code, "code", MaxCodeLength)
            .Required(input.NewPassword, "newPassword", 256)
            .ThrowIfInvalid();
        cancellationToken.ThrowIfCancellationRequested();

        var user = await users.FindByEmailAsync(input.Email!.Trim());
        if (user is null || !await users.IsEmailConfirmedAsync(user) || Decode(input.Code!.Trim()) is not { } token)
        {
            throw InvalidCode();
        }

        var result = await users.ResetPasswordAsync(user, token, input.NewPassword!);
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            throw InvalidCode();
        }

        throw new ValidationException(result.Errors
            .Select(e => PasswordPolicy.IsPasswordError(e)
                ? PasswordPolicy.ToFieldError(e, users.Options.Password) with { Field = "newPassword" }
                : new FieldError("newPassword", RefusalText.Verbatim(e.Description)))
            .ToList());
    }

    private static ValidationException InvalidCode() => new("code", RefusalText.Of("Accounts.ResetCodeInvalid"));

    private static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
