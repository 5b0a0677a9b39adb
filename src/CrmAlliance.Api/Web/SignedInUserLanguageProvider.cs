using CrmAlliance.Api.Features.Accounts;
using Microsoft.AspNetCore.Localization;

namespace CrmAlliance.Api.Web;

/// <summary>
/// The language a signed-in user chose, from the claim their sign-in carries (<see cref="UiLanguages.Claim"/>): it
/// follows the person, not the browser. Texts only; dates, numbers and sorting stay Danish.
/// </summary>
public sealed class SignedInUserLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var language = httpContext.User.FindFirst(UiLanguages.Claim)?.Value;
        return Task.FromResult(UiLanguages.IsKnown(language)
            ? new ProviderCultureResult(WebUi.Danish.Name, UiLanguages.UiCulture(language!).Name)
            : null);
    }
}
