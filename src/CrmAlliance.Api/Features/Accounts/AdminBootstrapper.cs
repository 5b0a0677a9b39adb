using System.Security.Cryptography;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Accounts;

/// <summary>
/// Creates the four roles and, when there is no Admin yet, the first one from configuration. Replicas started together
/// on a new database all do this at once: the one that loses the race on a role or the Admin looks again.
/// </summary>
public sealed class AdminBootstrapper(
    CrmDbContext db,
    RoleManager<IdentityRole> roles,
    UserManager<ApplicationUser> users,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<AdminBootstrapper> logger)
{
    private const int Attempts = 5;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await BootstrapAsync();
                return;
            }
            catch (Exception ex) when (attempt < Attempts && ex is DbUpdateException or DuplicateAdminException)
            {
                // Another replica inserted the same role or Admin first; once it has finished, this one finds them.
                logger.LogInformation("Another replica is creating the roles or the first Admin; looking again.");
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
            catch (DuplicateAdminException duplicate)
            {
                throw new StartupRefusedException(duplicate.Message);
            }
        }
    }

    private async Task BootstrapAsync()
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
            var message = "The first Admin could not be created from Bootstrap__AdminEmail and Bootstrap__AdminPassword: " + string.Join(" ", result.Errors.Select(e => e.Description));
            throw result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail))
                ? new DuplicateAdminException(message)
                : new StartupRefusedException(message);
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

/// <summary>The first Admin's e-mail is taken: by another replica creating the Admin (looked at again), or by an existing user.</summary>
internal sealed class DuplicateAdminException(string message) : Exception(message);
