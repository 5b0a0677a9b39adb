using CrmAlliance.Api.Core;
using Microsoft.AspNetCore.Components;

namespace CrmAlliance.Api.Web;

/// <summary>Pages that need a signed-in user: anonymous visitors go to the sign-in page and come back afterwards.</summary>
public static class SignedIn
{
    /// <summary>The signed-in actor, or null after sending the visitor to the sign-in page (the page then renders nothing).</summary>
    public static Actor? RequireActor(HttpContext http, NavigationManager navigation)
    {
        if (Actor.FromPrincipal(http.User) is { } actor)
        {
            return actor;
        }

        var returnUrl = navigation.ToBaseRelativePath(navigation.Uri);
        navigation.NavigateTo(SignInUrl("/" + returnUrl));
        return null;
    }

    public static string SignInUrl(string returnUrl)
        => returnUrl is "/" or "" ? "/log-ind" : "/log-ind?returnUrl=" + Uri.EscapeDataString(returnUrl);

    /// <summary>Only this site's own paths, so a crafted link cannot send a user elsewhere after signing in.</summary>
    public static string SafeReturnUrl(string? returnUrl)
        => returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
