using System.Net.Http.Json;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.Http;

public sealed class SecurityHeadersTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/graphql?query=%7B%20me%20%7B%20email%20%7D%20%7D")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var response = await factory.CreateClient().GetAsync(url);

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_HttpOnly_and_SameSite_strict()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        using var response = await factory.CreateClient().PostAsJsonAsync("/auth/login?useCookies=true", new { email = consultant.Email, password = TestUsers.Password });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
