using Bunit;
using CrmAlliance.Api.Features.Yield.Pages;
using CrmAlliance.Api.Web;

namespace CrmAlliance.UnitTests.Web.Components;

/// <summary>
/// How a form shows what is wrong: the error summary links each error to its field, and the field ties its hint and
/// error message to the input (aria-describedby, aria-invalid) by ids that exist on the page.
/// </summary>
public sealed class FormErrorTests : ComponentTest
{
    [Fact]
    public void Without_errors_there_is_no_summary()
        => Assert.Empty(Render<ErrorSummary>(p => p.Add(x => x.Errors, new Dictionary<string, string>())).Nodes);

    [Fact]
    public void The_summary_is_an_announced_alert_with_each_error_a_link_to_its_field()
    {
        var summary = Render<ErrorSummary>(p => p.Add(x => x.Errors, new Dictionary<string, string>
        {
            ["navn"] = "Navn: skal udfyldes.",
            ["cvr"] = "CVR-nummer: skal være 8 cifre.",
        }));

        var alert = summary.Find("[data-testid=error-summary]");
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Equal("-1", alert.GetAttribute("tabindex"));
        Assert.Equal("error-summary-heading", alert.GetAttribute("aria-labelledby"));
        Assert.Equal("Der er et problem", summary.Find("#error-summary-heading").TextContent);
        Assert.Equal(
            [("#navn", "Navn: skal udfyldes."), ("#cvr", "CVR-nummer: skal være 8 cifre.")],
            summary.FindAll("li a").Select(a => (a.GetAttribute("href"), a.TextContent)));
    }

    [Fact]
    public void A_field_without_an_error_has_a_label_for_its_input_and_no_error_message()
    {
        var field = Render<FormField>(p => p
            .Add(x => x.Id, "navn")
            .Add(x => x.Label, "Navn")
            .Add(x => x.Hint, "Som i CVR-registret")
            .AddChildContent("<input id=\"navn\" />"));

        Assert.Equal("form-group", field.Find("div").ClassName);
        Assert.Equal("navn", field.Find("label").GetAttribute("for"));
        Assert.Equal("Som i CVR-registret", field.Find("#navn-hint").TextContent);
        Assert.Empty(field.FindAll("#navn-error"));
        Assert.NotNull(field.Find("input#navn"));
    }

    [Fact]
    public void A_field_with_an_error_is_marked_and_reads_the_error_with_a_prefix_for_screen_readers()
    {
        var field = Render<FormField>(p => p
            .Add(x => x.Id, "navn")
            .Add(x => x.Label, "Navn")
            .Add(x => x.Error, "Navn: skal udfyldes."));

        Assert.Contains("form-error", field.Find("div").ClassList);
        var error = field.Find("#navn-error");
        Assert.Equal("Fejl: Navn: skal udfyldes.", error.TextContent);
        Assert.Equal("Fejl:", error.QuerySelector(".sr-only")!.TextContent);
    }

    [Theory]
    [InlineData(false, false, null)]
    [InlineData(true, false, "navn-hint")]
    [InlineData(false, true, "navn-error")]
    [InlineData(true, true, "navn-hint navn-error")]
    public void An_input_is_described_by_its_hint_and_its_error_only_when_it_has_them(bool hint, bool error, string? expected)
    {
        var errors = error ? new Dictionary<string, string> { ["navn"] = "skal udfyldes." } : [];

        Assert.Equal(expected, FormField.DescribedBy("navn", errors, hint));
    }

    [Fact]
    public void The_period_field_without_an_error_is_described_by_its_hint_and_not_invalid()
    {
        var field = Render<PeriodField>(p => p.Add(x => x.Value, "2026-Q2"));

        var input = field.Find("input");
        Assert.Equal("2026-Q2", input.GetAttribute("value"));
        Assert.Equal("periode", input.GetAttribute("name"));
        Assert.False(input.HasAttribute("aria-invalid"));
        Assert.Equal("periode-hint", input.GetAttribute("aria-describedby"));
        Assert.StartsWith("Et år (2026), et kvartal (2026-Q2)", field.Find("#periode-hint").TextContent, StringComparison.Ordinal);
        Assert.Equal("Periode", field.Find("label[for=periode]").TextContent);
    }

    [Fact]
    public void A_refused_period_is_invalid_and_every_id_that_describes_it_is_on_the_page()
    {
        const string message = "Periode: kendes ikke.";
        var page = Render(builder =>
        {
            builder.OpenComponent<ErrorSummary>(0);
            builder.AddAttribute(1, nameof(ErrorSummary.Errors), new Dictionary<string, string> { ["periode"] = message });
            builder.CloseComponent();
            builder.OpenComponent<PeriodField>(2);
            builder.AddAttribute(3, nameof(PeriodField.Value), "2026-Q5");
            builder.AddAttribute(4, nameof(PeriodField.Error), message);
            builder.CloseComponent();
        });

        var input = page.Find("input#periode");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        var describedBy = input.GetAttribute("aria-describedby")!.Split(' ');
        Assert.Equal(["periode-hint", "periode-error"], describedBy);
        Assert.All(describedBy, id => Assert.Single(page.FindAll($"#{id}")));
        Assert.Equal("Fejl: " + message, page.Find("#periode-error").TextContent);
        // The summary's link leads to the input itself.
        Assert.Equal("#" + input.Id, page.Find("[data-testid=error-summary] a").GetAttribute("href"));
    }

    [Fact]
    public void In_English_the_period_field_and_the_summary_read_in_English()
    {
        InEnglish();
        var page = Render(builder =>
        {
            builder.OpenComponent<ErrorSummary>(0);
            builder.AddAttribute(1, nameof(ErrorSummary.Errors), new Dictionary<string, string> { ["periode"] = "Period: unknown." });
            builder.CloseComponent();
            builder.OpenComponent<PeriodField>(2);
            builder.AddAttribute(3, nameof(PeriodField.Value), "2026-Q5");
            builder.AddAttribute(4, nameof(PeriodField.Error), "Period: unknown.");
            builder.CloseComponent();
        });

        Assert.Equal("There is a problem", page.Find("#error-summary-heading").TextContent);
        Assert.Equal("Period", page.Find("label[for=periode]").TextContent);
        Assert.StartsWith("A year (2026), a quarter (2026-Q2)", page.Find("#periode-hint").TextContent, StringComparison.Ordinal);
        Assert.Equal("Error: Period: unknown.", page.Find("#periode-error").TextContent);
    }
}
