using System.Globalization;
using CrmAlliance.Api.Core;
using Microsoft.AspNetCore.Identity;

namespace CrmAlliance.Api.Features.Accounts;

/// <summary>The languages of the web UI's texts: Danish, and English for those who ask. Dates and numbers stay da-DK.</summary>
public static class UiLanguages
{
    public const string Danish = "da";
    public const string English = "en";

    /// <summary>The claim a signed-in user's cookie carries their choice in, so no request reads the database for it.</summary>
    public const string Claim = "crm:ui-language";

    public static bool IsKnown(string? language) => language is Danish or English;

    /// <summary>The UI culture of a language: da-DK for Danish, the neutral English culture for English.</summary>
    public static CultureInfo UiCulture(string language) => CultureInfo.GetCultureInfo(language == English ? "en" : "da-DK");
}

public sealed record SetUiLanguageInput(string Language);

/// <summary>
/// Every signed-in user chooses the language of their own web UI; the choice is kept on the account, so it follows
/// them to another browser or computer. Nobody sets another user's.
/// </summary>
public sealed class SetUiLanguageHandler(UserManager<ApplicationUser> users)
{
    public async Task<ApplicationUser> HandleAsync(SetUiLanguageInput input, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        new Validator()
            .Check(UiLanguages.IsKnown(input.Language), "language", RefusalText.Of("Accounts.UnknownLanguage"))
            .ThrowIfInvalid();
        cancellationToken.ThrowIfCancellationRequested();
        var user = await users.FindByIdAsync(actor.UserId) ?? throw new NotFoundException("User", actor.UserId, "userId");
        if (user.UiLanguage != input.Language)
        {
            user.UiLanguage = input.Language;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                throw new ValidationException("language", RefusalText.Verbatim(string.Join(" ", updated.Errors.Select(e => e.Description))));
            }
        }

        return user;
    }
}
