using System.Security.Claims;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts.Email;
using CrmAlliance.Api.Features.Accounts.Graph;
using CrmAlliance.Api.Features.Accounts.Passwords;
using CrmAlliance.Api.Features.Accounts.SignIn;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.GraphQL;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Accounts;

public static class AccountsModule
{
    public static IServiceCollection AddCrmIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorization();
        services.AddIdentityApiEndpoints<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;

                // Length first, no composition rules (they breed "Password1!"); common passwords and the e-mail's name
                // are refused by the validators added below.
                options.Password.RequiredLength = configuration.GetValue("Identity:Password:MinimumLength", 12);
                options.Password.RequiredUniqueChars = 5;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;

                // The backstop behind the rate limiter: from one address an account gets only
                // Identity:RateLimits:PerAccount guesses per window, so this many failures take several addresses or a long time.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAccessAttempts", 20);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:LockoutMinutes", 15));
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddClaimsPrincipalFactory<CrmClaimsPrincipalFactory>()
            .AddSignInManager<CrmSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<EmailNamePasswordValidator>();
        services.AddOptions<SignInProtectionOptions>().BindConfiguration(SignInProtectionOptions.Section);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SignInProtectionOptions>>(
            (stamps, protection) => stamps.ValidationInterval = protection.Value.SecurityStampValidationInterval);
        services.AddSingleton<ConfirmedSecurityStamps>();
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, SecurityStampCheck>();
        services.AddSignInRateLimiting();
        // The sign-in cookie: never readable by scripts, sent only to this site, Secure whenever the request is HTTPS.
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddCrmEmail(configuration);
        services.AddScoped<AccountQueries>();
        services.AddScoped<IConsultantDirectory, ConsultantDirectory>();
        services.AddScoped<CreateUserHandler>();
        services.AddScoped<InviteCompanyUserHandler>();
        services.AddScoped<InviteStaffUserHandler>();
        services.AddScoped<SetUserLockedHandler>();
        services.AddScoped<SetUserRoleHandler>();
        services.AddScoped<SetUiLanguageHandler>();
        services.AddScoped<ResetPasswordHandler>();
        services.AddScoped<AdminBootstrapper>();
        services.AddSingleton<AccountsSchema>();
        services.AddSingleton<ISchemaContributor>(sp => sp.GetRequiredService<AccountsSchema>());
        services.AddSingleton<INodeResolver>(sp => sp.GetRequiredService<AccountsSchema>());
        return services;
    }

    /// <summary>
    /// Identity's API endpoints under /auth: /auth/login gives a bearer token (or a cookie with
    /// <c>?useCookies=true</c>). /auth/register stays closed: only Admins create users. Every /auth request passes the
    /// rate limiter first.
    /// </summary>
    public static WebApplication MapCrmIdentity(this WebApplication app)
    {

        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/auth/register", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
        app.UseSignInAccountReader();
        app.UseSignInRateLimiting();
        return app;
    }
}

/// <summary>
/// Adds the company a company user belongs to, so the core can check it on every request, and the web UI's language
/// the user chose, so the culture of a page is known without reading the account.
/// </summary>
public sealed class CrmClaimsPrincipalFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.CompanyId is { } companyId)
        {
            identity.AddClaim(new Claim(Actor.CompanyIdClaim, companyId.ToString()));
        }

        if (UiLanguages.IsKnown(user.UiLanguage))
        {
            identity.AddClaim(new Claim(UiLanguages.Claim, user.UiLanguage!));
        }

        return identity;
    }
}
