using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;


namespace CrmAlliance.Api.Web;

/// <summary>
/// The web UI: Blazor static server rendering in this host, Det Fælles Designsystem (vendored under wwwroot/vendor/dkfds),
/// Danish first. Pages live beside their feature in <c>Features/&lt;X&gt;/Pages/</c>; the frame is here.
/// </summary>
public static class WebUi
{
    public static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IServiceCollection AddCrmWebUi(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddResponseCompression(options =>
        {
            // Pages and CSV downloads; static files come precompressed from the build (MapStaticAssets). Over HTTPS too:
            // the only secret a page carries, the antiforgery request token, is protected anew for every response,
            // so a BREACH-style guess has nothing stable to converge on.
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html", "text/csv"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Danish);
            // Dates, numbers and sorting stay Danish (da-DK) in either language; only the texts switch.
            options.SupportedCultures = [Danish];
            options.SupportedUICultures = [Danish, English];
            // Danish unless the user chose otherwise: the browser's language does not decide. The cookie keeps a choice
            // made before signing in; the Accounts feature puts a signed-in user's own choice before it.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>
    /// The culture applies to the web UI's requests only: the API's answers (GraphQL, CSV exports, reports) stay
    /// culture-invariant as before.
    /// </summary>
    public static IApplicationBuilder UseCrmWebUiCulture(this IApplicationBuilder app)
        => app.UseWhen(context => !IsApiPath(context.Request.Path), web => web.UseRequestLocalization());

    /// <summary>
    /// An empty 404 for a web UI address (no page matched) becomes <see cref="NotFoundPage"/> in the layout, still 404.
    /// The API's paths answer as before, without HTML; other empty statuses are left alone. Before the endpoints.
    /// </summary>
    public static WebApplication UseCrmWebUiNotFoundPage(this WebApplication app)
    {
        // On the app itself, not in a branch: re-executing needs the app's routing to find the page.
        app.UseStatusCodePagesWithReExecute("/ikke-fundet", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            var pages = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>();
            if (pages is not null && IsApiPath(context.Request.Path))
            {
                pages.Enabled = false;
            }

            await next(context);
            if (pages is not null && context.Response.StatusCode != StatusCodes.Status404NotFound)
            {
                pages.Enabled = false;
            }
        });
        return app;
    }

    public static WebApplication MapCrmWebUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>();

        // A POST with the antiforgery token (a form field makes the endpoint validate it), so no other site can sign a user out.
        app.MapPost("/log-ud", async ([FromForm] string? returnUrl, HttpContext http) =>
        {
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect("/log-ind?logget-ud=1");
        });

        return app;
    }

    private static bool IsApiPath(PathString path)
        => path.StartsWithSegments("/graphql") || path.StartsWithSegments("/auth") || path.StartsWithSegments("/exports")
            || path.StartsWithSegments("/reports") || path.StartsWithSegments("/matching") || path.StartsWithSegments("/health");
}
