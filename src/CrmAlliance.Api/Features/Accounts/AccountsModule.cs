using System.Security.Claims;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts.Email;
using CrmAlliance.Api.Features.Accounts.Graph;
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
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:LockoutMinutes", 15));
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddClaimsPrincipalFactory<CrmClaimsPrincipalFactory>();
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
        services.AddScoped<SetUserLockedHandler>();
        services.AddScoped<SetUserRoleHandler>();
        services.AddScoped<AdminBootstrapper>();
        services.AddSingleton<AccountsSchema>();
        services.AddSingleton<ISchemaContributor>(sp => sp.GetRequiredService<AccountsSchema>());
        services.AddSingleton<INodeResolver>(sp => sp.GetRequiredService<AccountsSchema>());
        return services;
    }

    /// <summary>
    /// Identity's API endpoints under /auth: /auth/login gives a bearer token (or a cookie with
    /// <c>?useCookies=true</c>). /auth/register stays closed: only Admins create users.
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
        return app;
    }
}

/// <summary>Adds the company a company user belongs to, so the core can check it on every request.</summary>
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

        return identity;
    }
}
