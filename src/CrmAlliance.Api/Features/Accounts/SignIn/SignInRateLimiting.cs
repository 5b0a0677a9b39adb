using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Accounts.SignIn;

/// <summary>
/// The first line against password guessing: ASP.NET Core's rate limiter on <c>/auth/*</c> and the web UI's sign-in forms, per client address and per
/// account from that address, before Identity's lock-out is ever reached. Keying the account's limit by address as well
/// means that someone guessing at a known account slows down only their own attempts, not the owner's.
/// </summary>
public static class SignInRateLimiting
{
    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInProtectionOptions>>((options, protection) =>
        {
            var limits = protection.Value.RateLimits;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RefuseAsync;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => Window(limits.PerAddress))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => SignInAccountReader.AccountOf(context) is { } account
                    ? RateLimitPartition.GetFixedWindowLimiter(account + " " + ClientAddress(context), _ => Window(limits.PerAccount))
                    : RateLimitPartition.GetNoLimiter("")));
        });
        return services;
    }

    /// <summary>
    /// The limiter runs only for sign-in requests, the only ones it can limit (the account is read from those alone):
    /// for every other request both partitions are "no limiter", yet acquiring them took both partitioned limiters'
    /// locks and allocated leases on every request (threads waited on those locks in issue 13's look-up profile).
    /// </summary>
    public static IApplicationBuilder UseSignInRateLimiting(this IApplicationBuilder app)
        => app.UseWhen(IsSignIn, limited => limited.UseRateLimiter());

    /// <summary>
    /// The connection's address: behind a reverse proxy that is the proxy's, unless ForwardedHeaders names the proxy
    /// (then the forwarded-headers middleware has put the client's address here).
    /// </summary>
    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static bool IsSignIn(HttpContext context) => SignInAccountReader.IsSignInRequest(context.Request);

    private static FixedWindowRateLimiterOptions Window(WindowLimit limit) => new()
    {
        PermitLimit = Math.Max(1, limit.PermitLimit),
        Window = limit.Window > TimeSpan.Zero ? limit.Window : TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (SignInAccountReader.IsWebForm(rejected.HttpContext.Request))
        {
            // A person at the web UI's form reads this, in the UI's language (Danish first).
            await Results.Text($"For mange forsøg på at logge ind. Prøv igen om {seconds} sekunder.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(rejected.HttpContext);
            return;
        }

        await Results.Problem(
                title: "Too many sign-in requests",
                detail: $"Too many requests from this address or for this account: try again in {seconds} seconds.",
                statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(rejected.HttpContext);
    }
}
