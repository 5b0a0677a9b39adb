using Bunit;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CrmAlliance.UnitTests.Web.Components;

/// <summary>
/// A page the core refused: the heading and the refusal in the user's language (never a C# name), and the HTTP status,
/// set as the response starts (a 404 set while rendering would make .NET 10 drop the page's body).
/// </summary>
public sealed class RefusalNoticeTests : ComponentTest
{
    private static readonly Guid CompanyId = Guid.Parse("0b6f2c3e-8a43-4a43-9a4b-5d2a6c1e7f10");

    private readonly StartableResponse response = new();
    private readonly DefaultHttpContext http = new();

    public RefusalNoticeTests() => http.Features.Set<IHttpResponseFeature>(response);

    private IRenderedComponent<RefusalNotice> Render(CrmException refusal)
        => Render<RefusalNotice>(p => p.Add(x => x.Refusal, refusal).AddCascadingValue(http));

    [Fact]
    public async Task A_company_that_does_not_exist_is_a_404_with_the_refusal_in_Danish()
    {
        var notice = Render(new NotFoundException("Company", CompanyId));

        Assert.Equal("Siden findes ikke", notice.Find("h1").TextContent);
        Assert.Equal($"Virksomheden {CompanyId} findes ikke.", notice.Find("[data-testid=refusal] .alert-text").TextContent);
        Assert.Equal("/", notice.Find("a").GetAttribute("href"));
        Assert.Equal("Gå til forsiden", notice.Find("a").TextContent);
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);

        await response.StartAsync();
        Assert.Equal(StatusCodes.Status404NotFound, http.Response.StatusCode);
    }

    [Fact]
    public async Task A_rule_refusal_reads_as_Danish_sentences_with_its_figures_and_no_names_from_the_code()
    {
        var refusal = new RuleViolationException(
            PlacementRuleNames.Ratio,
            RefusalText.Of("Placements.Ratio", ("taken", 3), ("allowed", 3), ("ordinaryEmployees", 30)),
            details: RefusalText.Of(
                "Placements.Ratio.Details",
                ("pNumber", "1003456789"),
                ("period", new DatePeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31)).Text),
                ("perPlace", 10),
                ("limit", 50),
                ("minimum", 1),
                ("perPlaceBeyond", 20),
                ("exemption", PlacementRule.RatioRule)));

        var notice = Render(refusal);

        Assert.Equal("Det kunne ikke lade sig gøre", notice.Find("h1").TextContent);
        var text = notice.Find("[data-testid=refusal] .alert-text").TextContent;
        Assert.Equal(
            "Arbejdsstedet har 3 af 3 tilladte pladser i praktik/løntilskud for 30 ordinære ansatte. "
            + "P-nummer 1003456789, på et tidspunkt i perioden 1. marts 2026 til 31. maj 2026: 1 plads pr. 10 ordinært ansatte op til 50, mindst 1, "
            + "plus 1 pr. 20 derudover. En virksomhedskonsulent kan registrere en dispensation fra rimelighedskravet med en begrundelse.",
            text);
        Assert.DoesNotContain("RatioRule", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RATIO_RULE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);

        await response.StartAsync();
        Assert.Equal(StatusCodes.Status400BadRequest, http.Response.StatusCode);
    }

    [Fact]
    public async Task In_English_a_forbidden_page_reads_in_English_and_is_a_403()
    {
        InEnglish();
        var notice = Render(new ForbiddenException(RefusalText.Of("Core.OwnCompanyOnly")));

        Assert.Equal("You do not have access to this page", notice.Find("h1").TextContent);
        Assert.Equal("A company user may only act on its own company.", notice.Find("[data-testid=refusal] .alert-text").TextContent);
        Assert.Equal("Go to the start page", notice.Find("a").TextContent);

        await response.StartAsync();
        Assert.Equal(StatusCodes.Status403Forbidden, http.Response.StatusCode);
    }

    /// <summary>
    /// The server's side of <see cref="HttpResponse.OnStarting(Func{Task})"/>, which <see cref="DefaultHttpContext"/>
    /// alone ignores: keeps the callbacks and runs them when the test starts the response, as Kestrel does.
    /// </summary>
    private sealed class StartableResponse : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> starting = [];
        private bool started;

        public override bool HasStarted => started;

        public override void OnStarting(Func<object, Task> callback, object state) => starting.Add((callback, state));

        public async Task StartAsync()
        {
            started = true;
            // Kestrel runs them last registered first.
            for (var i = starting.Count - 1; i >= 0; i--)
            {
                await starting[i].Callback(starting[i].State);
            }
        }
    }
}
