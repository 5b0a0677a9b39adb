using System.Security.Cryptography;
using CrmAlliance.Api.Core;
using Microsoft.AspNetCore.Identity;

namespace CrmAlliance.Api.Features.Accounts;

/// <summary>Creates the four roles and, when there is no Admin yet, the first one from configuration.</summary>
public sealed class AdminBootstrapper(
    RoleManager<IdentityRole> roles,
    UserManager<ApplicationUser> users,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<AdminBootstrapper> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await EnsureRolesAsync();
        if ((await users.GetUsersInRoleAsync(nameof(Role.Admin))).Count > 0)
        {
            return;
        }

        var email = configuration["Bootstrap:AdminEmail"] ?? "admin@crmalliance.local";
        var password = configuration["Bootstrap:AdminPassword"];
        if (password is null)
        {
            if (!environment.IsDevelopment())
            {
                throw new StartupRefusedException("No Admin exists: set Bootstrap__AdminEmail and Bootstrap__AdminPassword (at least 12 characters, not a common password) for the first start, e.g. Bootstrap__AdminEmail=you@example.dk Bootstrap__AdminPassword='Choose-a-long-one-1' dotnet run --project src/CrmAlliance.Api. In Development a first Admin with a generated password is created instead.");
            }

            password = "Dev-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            logger.LogWarning("Created the first Admin {Email} with the generated password {Password} (development only: shown once; change it).", email, password);
        }

        var admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new StartupRefusedException("The first Admin could not be created from Bootstrap__AdminEmail and Bootstrap__AdminPassword: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, nameof(Role.Admin));
        logger.LogInformation("Created the first Admin {Email}.", email);
    }

    /// <summary>Creates the roles that do not exist yet (the data generator needs them, but no Admin).</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Enum.GetNames<Role>())
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
