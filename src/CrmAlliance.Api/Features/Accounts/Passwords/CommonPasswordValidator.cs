using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace CrmAlliance.Api.Features.Accounts.Passwords;

/// <summary>
/// Refuses passwords from public lists of leaked passwords (see SOURCES.md beside this file), also when only
/// digits and symbols were put around one: "Password1234!" is as weak as "password".
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
        => Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "Passwords must not be a common password, nor one with only digits or symbols added to it." })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var core = lower.AsSpan().Trim(NonLetters(lower)).ToString();
        return Common.Value.Contains(lower) || (core.Length > 0 && Common.Value.Contains(core));
    }

    private static string NonLetters(string text) => new(text.Where(c => !char.IsLetter(c)).Distinct().ToArray());

    private static FrozenSet<string> Load()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { "common-passwords.txt", "danish-common-passwords.txt" })
        {
            using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Passwords." + name)
                ?? throw new InvalidOperationException($"The resource Passwords.{name} is missing.");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0)
                {
                    words.Add(line);
                }
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
