using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Accounts.SignIn;

/// <summary>
/// Compares the security stamp a signed-in request carries with the user's, so that a role change or lock-out (both
/// renew the stamp) ends old sessions within <see cref="SignInProtectionOptions.SecurityStampValidationInterval"/>.
/// Identity does this for cookies only; its bearer tokens are opaque and were trusted until they expired (an hour).
/// A stamp found current is trusted for the interval without reading the database again.
/// </summary>
public sealed class SecurityStampCheck(
    SignInManager<ApplicationUser> signIn,
    ConfirmedSecurityStamps confirmed,
    IOptions<SignInProtectionOptions> protection,
    IOptions<IdentityOptions> identity,
    TimeProvider clock) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return principal;
        }

        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var now = clock.GetUtcNow();
        if (confirmed.IsCurrent(userId, stamp, now))
        {
            return principal;
        }

        if (await signIn.ValidateSecurityStampAsync(principal) is null)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        confirmed.Confirm(userId, stamp, now + protection.Value.SecurityStampValidationInterval);
        return principal;
    }
}

/// <summary>The stamps read from the database lately, per user, and until when they are trusted (one per user).</summary>
public sealed class ConfirmedSecurityStamps
{
    private readonly ConcurrentDictionary<string, (string Stamp, DateTimeOffset Until)> _stamps = new(StringComparer.Ordinal);

    public bool IsCurrent(string userId, string stamp, DateTimeOffset now)
        => _stamps.TryGetValue(userId, out var known) && known.Stamp == stamp && now < known.Until;

    public void Confirm(string userId, string stamp, DateTimeOffset until) => _stamps[userId] = (stamp, until);
}
