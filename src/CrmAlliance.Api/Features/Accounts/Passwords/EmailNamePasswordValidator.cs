using Microsoft.AspNetCore.Identity;

namespace CrmAlliance.Api.Features.Accounts.Passwords;

/// <summary>Refuses a password that contains the user's e-mail name or a part of it ("hanne.hansen@…" and "HanneHansen2026").</summary>
public sealed class EmailNamePasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "PasswordContainsEmail";

    /// <summary>Shorter parts ("hr", "jo") are too common inside ordinary words to refuse.</summary>
    private const int MinimumPartLength = 4;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
        => Task.FromResult(password is not null && ContainsEmailName(password, user.Email ?? user.UserName)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "Passwords must not contain the name of the e-mail address." })
            : IdentityResult.Success);

    public static bool ContainsEmailName(string password, string? email)
    {
        var name = email?.Split('@')[0] ?? "";
        var parts = name.Split(['.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries).Append(name);
        return parts.Any(part => part.Length >= MinimumPartLength && password.Contains(part, StringComparison.OrdinalIgnoreCase));
    }
}
