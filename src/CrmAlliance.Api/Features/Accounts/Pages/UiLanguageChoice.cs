using CrmAlliance.Api.Core;
using CrmAlliance.Api.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CrmAlliance.Api.Features.Accounts.Pages;

/// <summary>
/// The web UI's language as a person's own choice: <c>POST /sprog</c> (the layout's language switch) keeps it on a
/// signed-in user's account and in the culture cookie (which alone serves the pages before sign-in), and a signed-in
/// request takes it from the sign-in's claim, so it follows the person to another browser.
/// </summary>
public static class UiLanguageChoice
{
    public static IServiceCollection AddUiLanguageChoice(this IServiceCollection services)
        => services.PostConfigure<RequestLocalizationOptions>(options => options.RequestCultureProviders.Insert(0, new SignedInUserLanguageProvider()));

    public static WebApplication MapUiLanguageChoice(this WebApplication app)
    {
        app.MapPost("/sprog", async ([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext http) =>
        {
            var language = culture == WebUi.English.Name ? UiLanguages.English : UiLanguages.Danish;
            if (Actor.FromPrincipal(http.User) is { } actor)
            {
                // Kept on the account, and the sign-in cookie issued anew so that it carries the choice from the next page on.
                var user = await http.RequestServices.GetRequiredService<SetUiLanguageHandler>()
                    .HandleAsync(new SetUiLanguageInput(language), actor, http.RequestAborted);
                await http.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>().RefreshSignInAsync(user);
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(WebUi.Danish, UiLanguages.UiCulture(language))),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(SignedIn.SafeReturnUrl(returnUrl));
        });
        return app;
    }

    /// <summary>The language from the claim a signed-in user's sign-in carries (<see cref="UiLanguages.Claim"/>). Texts only: dates, numbers and sorting stay Danish.</summary>
    private sealed class SignedInUserLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var language = httpContext.User.FindFirst(UiLanguages.Claim)?.Value;
            return Task.FromResult(UiLanguages.IsKnown(language)
                ? new ProviderCultureResult(WebUi.Danish.Name, UiLanguages.UiCulture(language!).Name)
                : null);
        }
    }
}
