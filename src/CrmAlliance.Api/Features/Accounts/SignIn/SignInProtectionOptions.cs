namespace CrmAlliance.Api.Features.Accounts.SignIn;

/// <summary>Section <c>Identity</c>: how sign-in resists guessing and how soon a role change or lock-out bites.</summary>
public sealed class SignInProtectionOptions
{
    public const string Section = "Identity";

    /// <summary>How long a signed-in cookie or bearer token is trusted before the user's security stamp is read again.</summary>
    public TimeSpan SecurityStampValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    public SignInRateLimits RateLimits { get; set; } = new();
}

/// <summary>Section <c>Identity:RateLimits</c>: requests to <c>/auth/*</c> beyond these get 429 with <c>Retry-After</c>.</summary>
public sealed class SignInRateLimits
{
    /// <summary>All <c>/auth/*</c> requests from one client address (an office behind one NAT address shares it).</summary>
    public WindowLimit PerAddress { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Requests naming one account (its e-mail) from one client address: guesses at one password.</summary>
    public WindowLimit PerAccount { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
