using System.Net;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.Http;

/// <summary>The web UI answers an unknown address with its not-found page; the API's paths keep answering without HTML.</summary>
public sealed class NotFoundTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task An_unknown_web_address_gets_the_Danish_not_found_page_with_status_404()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/findes-ikke", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Siden findes ikke</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/graphql/findes-ikke")]
    [InlineData("/auth/findes-ikke")]
    [InlineData("/exports/findes-ikke")]
    [InlineData("/reports/findes-ikke")]
    [InlineData("/health/findes-ikke")]
    [InlineData("/matching/findes-ikke")]
    public async Task An_unknown_API_address_gets_no_HTML(string url)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Siden findes ikke", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
