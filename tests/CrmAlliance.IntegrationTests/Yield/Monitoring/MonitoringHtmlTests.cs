using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace CrmAlliance.IntegrationTests.Yield.Monitoring;

public sealed partial class MonitoringHtmlTests(MonitoringWorld world) : IClassFixture<MonitoringWorld>
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task The_page_is_well_formed_self_contained_printable_and_in_Danish()
    {
        var (response, body) = await MonitoringWorld.GetAsync(world.Manager, "/reports/monitoring.html?period=2025");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<!DOCTYPE html>", body, StringComparison.Ordinal);
        var page = Load(body);
        Assert.Equal(X + "html", page.Root!.Name);
        Assert.Equal("da", page.Root.Attribute("lang")!.Value);
        Assert.Equal("Overvågningsrapport for Aalborg Alliancen – 2025", page.Descendants(X + "title").Single().Value);
        Assert.Empty(page.Descendants(X + "script"));
        Assert.Empty(page.Descendants(X + "link"));
        Assert.Empty(page.Descendants().Attributes("src"));
        Assert.All(page.Descendants().Attributes("href"), href => Assert.StartsWith("#", href.Value, StringComparison.Ordinal));
        var css = page.Descendants(X + "style").Single().Value;
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Contains("break-before: page", css, StringComparison.Ordinal);
        Assert.Equal(7, page.Descendants(X + "section").Count());
        var header = page.Descendants(X + "dd").Select(d => d.Value).ToList();
        Assert.Contains("31-12-2025", header);
        Assert.Contains(header, d => d.StartsWith("2026.1 (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Charts_are_inline_SVG_with_a_title_and_a_description_and_tables_are_labelled()
    {
        var page = Load((await MonitoringWorld.GetAsync(world.Manager, "/reports/monitoring.html?period=2025")).Body);

        var charts = page.Descendants(Svg + "svg").ToList();
        Assert.Equal(5, charts.Count);
        foreach (var chart in charts)
        {
            Assert.Equal("img", chart.Attribute("role")!.Value);
            var title = chart.Element(Svg + "title")!;
            var description = chart.Element(Svg + "desc")!;
            Assert.False(string.IsNullOrWhiteSpace(title.Value));
            Assert.False(string.IsNullOrWhiteSpace(description.Value));
            Assert.Equal($"{title.Attribute("id")!.Value} {description.Attribute("id")!.Value}", chart.Attribute("aria-labelledby")!.Value);
            Assert.NotEmpty(chart.Descendants(Svg + "rect"));
        }

        Assert.Contains(charts, c => c.Element(Svg + "title")!.Value == "Opslåede stillinger og påbegyndte forløb pr. kvartal");
        Assert.Contains(charts, c => c.Descendants(Svg + "line").Any(l => l.Attribute("stroke-dasharray") is not null));
        Assert.All(page.Descendants(X + "table"), t => Assert.False(string.IsNullOrWhiteSpace(t.Element(X + "caption")?.Value)));
        Assert.All(page.Descendants(X + "th"), th => Assert.Contains(th.Attribute("scope")?.Value, new[] { "col", "row" }));
    }

    [Fact]
    public async Task Tables_show_the_figures_and_withhold_small_counts_and_what_gives_them_away()
    {
        var page = Load((await MonitoringWorld.GetAsync(world.Manager, "/reports/monitoring.html?period=2025")).Body);

        Assert.Equal("20", Cell(page, "Tilbud og forløb efter tilbudstype", "Ordinært job", "Påbegyndte forløb"));
        Assert.Equal("54", Cell(page, "Tilbud og forløb efter tilbudstype", "I alt", "Påbegyndte forløb"));
        Assert.Equal("*", Cell(page, "Tilbud og forløb efter tilbudstype", "Virksomhedspraktik", "Påbegyndte forløb"));
        Assert.Equal("*", Cell(page, "Tilbud og forløb efter tilbudstype", "Fleksjob", "Påbegyndte forløb"));
        Assert.Equal("47,9\u00A0% (23/48)", Cell(page, "Resultater efter tilbudstype", "I alt", "Job eller uddannelse ved afslutning"));
        Assert.Equal("*", Cell(page, "Forløb og resultater efter målgruppe", "Integration", "Påbegyndte forløb"));
        Assert.Equal(["Ikke opfyldt", "Undertrykt"], Column(page, "Effektmål og resultat", "Job eller uddannelse ved afslutning", "Status"));
        Assert.Equal("Opfyldt", Cell(page, "Effektmål og resultat", "Rækkevidde (langt fra arbejdsmarkedet)", "Status"));
        Assert.Equal(["Opfyldt", "Undertrykt"], Column(page, "Effektmål og resultat", "Selvforsørgende efter 6 mdr.", "Status"));

        // No figure shown anywhere is the count 3, and no chart writes it either.
        var shown = page.Descendants(X + "td").Select(td => td.Value)
            .Concat(page.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "chart-value").Select(t => t.Value));
        Assert.DoesNotContain(shown, text => StandaloneThree().IsMatch(text));
        Assert.Contains("Virksomhedspraktik: * (undertrykt)", page.Descendants(Svg + "desc").Select(d => d.Value).First());
        Assert.DoesNotContain("Virksomhed C", page.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The page parsed as XML: it must be well formed (the DOCTYPE has no DTD to fetch).</summary>
    private static XDocument Load(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static string Cell(XDocument page, string caption, string rowHeading, string columnHeading)
        => Assert.Single(Column(page, caption, rowHeading, columnHeading));

    /// <summary>The cells of a table's column in the rows with this heading.</summary>
    private static List<string> Column(XDocument page, string caption, string rowHeading, string columnHeading)
    {
        var table = page.Descendants(X + "table").Single(t => t.Element(X + "caption")!.Value == caption);
        var headings = table.Element(X + "thead")!.Descendants(X + "th").Select(th => th.Value).ToList();
        var column = headings.LastIndexOf(columnHeading);
        Assert.True(column > 0, $"no column {columnHeading} in {caption}");
        return table.Element(X + "tbody")!.Elements(X + "tr")
            .Where(tr => tr.Element(X + "th")!.Value == rowHeading)
            .Select(tr => tr.Elements().ElementAt(column).Value)
            .ToList();
    }

    [GeneratedRegex(@"(?<![\d,.])3(?![\d,.])")]
    private static partial Regex StandaloneThree();
}
