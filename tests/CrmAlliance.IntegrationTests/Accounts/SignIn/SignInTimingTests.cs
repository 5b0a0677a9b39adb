using System.Net;
using System.Net.Http.Json;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmAlliance.IntegrationTests.Accounts.SignIn;

/// <summary>
/// Measured before: a wrong password for a known e-mail took 129–214 ms, any password for an unknown one 3–6 ms, so
/// the answer's speed told which e-mails have accounts. What costs the time is verifying the password hash; these tests
/// count that work (the real hasher, counted) instead of timing requests on a shared machine.
/// </summary>
public sealed class SignInTimingTests
{
    [Fact]
    public async Task An_unknown_e_mail_and_a_locked_out_account_cost_the_same_password_verification_as_a_wrong_password()
    {
        var verifications = new VerificationCount();
        using var factory = new CrmApiFactory(new Dictionary<string, string>(), services => services.AddScoped<IPasswordHasher<ApplicationUser>>(
            provider => new CountingPasswordHasher(new PasswordHasher<ApplicationUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()), verifications)));
        var manager = await factory.CreateUserAsync("MANAGER");
        var http = factory.CreateClient();

        var known = await VerificationsForAsync(http, verifications, manager.Email);
        var unknown = await VerificationsForAsync(http, verifications, $"nobody-{Guid.NewGuid():N}@test.local");
        await (await factory.SignInAsAdminAsync()).QueryAsync(
            "mutation($input: SetUserLockedInput!) { setUserLocked(input: $input) { id } }", new { input = new { userId = manager.Id, locked = true } });
        var lockedOut = await VerificationsForAsync(http, verifications, manager.Email);

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
        Assert.Equal(known, lockedOut);
    }

    private static async Task<int> VerificationsForAsync(HttpClient http, VerificationCount verifications, string email)
    {
        var before = verifications.Value;
        using var response = await http.PostAsJsonAsync("/auth/login", new { email, password = "Wrong-Passw0rd-123" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return verifications.Value - before;
    }

    private sealed class VerificationCount
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }

    /// <summary>Identity's own hasher, counting how often a password is verified.</summary>
    private sealed class CountingPasswordHasher(IPasswordHasher<ApplicationUser> hasher, VerificationCount count) : IPasswordHasher<ApplicationUser>
    {
        public string HashPassword(ApplicationUser user, string password) => hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            count.Increment();
            return hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
