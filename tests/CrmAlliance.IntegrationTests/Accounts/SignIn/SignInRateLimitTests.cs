using System.Net;
using System.Net.Http.Json;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Accounts.SignIn;

/// <summary>
/// Measured before: 300 failed sign-ins in one second were all answered, and five wrong passwords from anyone locked
/// any known account. Each test runs a host of its own with tight limits (the shared fixture's are generous).
/// </summary>
public sealed class SignInRateLimitTests
{
    private const string Proxy = "10.0.0.1";

    [Fact]
    public async Task A_burst_of_failed_sign_ins_from_one_address_is_refused_with_429_and_Retry_After()
    {
        using var factory = Host(perAddress: 10, perAccount: 1000);
        var http = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 30; i++)
        {
            var response = await http.PostAsJsonAsync("/auth/login", new { email = $"guess-{i}@test.local", password = "Wrong-Passw0rd-123" });
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var retryAfter = int.Parse(refused!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
    }

    [Fact]
    public async Task Someone_guessing_at_a_known_account_from_one_address_neither_locks_out_nor_slows_down_its_owner_at_another()
    {
        using var factory = Host(perAddress: 1000, perAccount: 5, trustProxy: true);
        var manager = await factory.CreateUserAsync("MANAGER");
        var attacker = FromAddress(factory, "203.0.113.66");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            using var response = await attacker.PostAsJsonAsync("/auth/login", new { email = manager.Email.ToUpperInvariant(), password = $"Guess-{i}-Passw0rd" });
            statuses.Add(response.StatusCode);
        }

        using var owner = await FromAddress(factory, "198.51.100.7").PostAsJsonAsync("/auth/login", new { email = manager.Email, password = TestUsers.Password });

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task X_Forwarded_For_is_ignored_unless_the_proxy_is_configured()
    {
        using var factory = Host(perAddress: 3, perAccount: 1000);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            // A client that names a new address each time would otherwise get a fresh allowance each time.
            statuses.Add((await FromAddress(factory, $"203.0.113.{i + 1}").PostAsJsonAsync("/auth/login", new { email = $"x{i}@test.local", password = "Wrong-Passw0rd-123" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(3));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task The_web_UI_sign_in_form_counts_against_the_same_account_limit_as_auth_login()
    {
        using var factory = Host(perAddress: 1000, perAccount: 4);
        var http = factory.CreateClient();
        var account = "someone@test.local";

        var statuses = new List<HttpStatusCode>();
        string? refusal = null;
        for (var i = 0; i < 2; i++)
        {
            using var response = await http.PostAsJsonAsync("/auth/login", new { email = account, password = $"Guess-{i}-Passw0rd" });
            statuses.Add(response.StatusCode);
        }

        foreach (var path in new[] { "/log-ind", "/log-ind", "/log-ind", "/glemt-adgangskode" })
        {
            // No antiforgery token: the limiter answers before the form is ever checked.
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = account.ToUpperInvariant(), ["password"] = "Guess-Passw0rd" });
            using var response = await http.PostAsync(path, form);
            statuses.Add(response.StatusCode);
            refusal = await response.Content.ReadAsStringAsync();
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(4));
        Assert.All(statuses.Skip(4), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        // The person at the form is answered in Danish, not with the API's problem JSON.
        Assert.StartsWith("For mange forsøg på at logge ind. Prøv igen om", refusal);
    }

    private static CrmApiFactory Host(int perAddress, int perAccount, bool trustProxy = false)
    {
        var settings = new Dictionary<string, string>
        {
            ["Identity:RateLimits:PerAddress:PermitLimit"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Identity:RateLimits:PerAccount:PermitLimit"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (trustProxy)
        {
            settings["ForwardedHeaders:KnownProxies:0"] = Proxy;
        }

        return new CrmApiFactory(settings, services => services.AddSingleton<IStartupFilter>(new ConnectionAddress(IPAddress.Parse(Proxy))));
    }

    private static HttpClient FromAddress(CrmApiFactory factory, string client)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return http;
    }
}
