using System.Text.RegularExpressions;
using CrmAlliance.Api.Core;
using Microsoft.AspNetCore.Identity;

namespace CrmAlliance.Api.Features.Accounts.Passwords;

/// <summary>
/// Identity's password validators (length, distinct characters, <see cref="CommonPasswordValidator"/>,
/// <see cref="EmailNamePasswordValidator"/>) as the core's field errors, each naming the rule it broke:
/// Identity's code in upper snake case (PasswordTooCommon → PASSWORD_TOO_COMMON).
/// </summary>
public static partial class PasswordPolicy
{
    public static async Task<IReadOnlyList<FieldError>> ErrorsAsync(UserManager<ApplicationUser> users, string email, string password)
    {
        var user = new ApplicationUser { Email = email, UserName = email };
        var errors = new List<FieldError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => ToFieldError(e, users.Options.Password)));
        }

        return errors;
    }

    public static bool IsPasswordError(IdentityError error) => error.Code.StartsWith("Password", StringComparison.Ordinal);

    /// <summary>The policies this product sets have texts of their own (<c>Accounts.Password.&lt;code&gt;</c>); any other is Identity's English.</summary>
    public static FieldError ToFieldError(IdentityError error, PasswordOptions options)
    {
        var text = error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => RefusalText.Of("Accounts.Password.PasswordTooShort", ("length", options.RequiredLength)),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => RefusalText.Of("Accounts.Password.PasswordRequiresUniqueChars", ("count", options.RequiredUniqueChars)),
            CommonPasswordValidator.ErrorCode or EmailNamePasswordValidator.ErrorCode => RefusalText.Of("Accounts.Password." + error.Code),
            _ => RefusalText.Verbatim(error.Description),
        };
        return new("password", text, RuleOf(error.Code));
    }


    public static string RuleOf(string identityCode) => WordStart().Replace(identityCode, "_$1").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();
}
