using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Accounts.SignIn;

/// <summary>
/// Identity's sign-in, with the same password-hashing work whether or not the e-mail belongs to an account (and whether
/// or not the account is locked out): otherwise the answer's speed tells a guesser which e-mails exist (measured before:
/// 129–214 ms for a known e-mail, 3–6 ms for an unknown one).
/// </summary>
public sealed class CrmSignInManager(
    UserManager<ApplicationUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    /// <summary>A hash of a random password, made once with the configured hasher, to verify against when there is no user.</summary>
    private static string? standInHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            VerifyAgainstStandIn(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        // Identity answers a locked-out account without verifying the password.
        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user))
        {
            VerifyAgainstStandIn(password);
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    private void VerifyAgainstStandIn(string password)
    {
        var stranger = new ApplicationUser();
        standInHash ??= UserManager.PasswordHasher.HashPassword(stranger, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        UserManager.PasswordHasher.VerifyHashedPassword(stranger, standInHash, password ?? "");
    }
}
