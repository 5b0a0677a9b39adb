using System.Globalization;
using System.Net;
using System.Text;
using CrmAlliance.Api.Features.Yield.Targets;
using static CrmAlliance.Api.Features.Yield.Monitoring.MonitoringCodes;

namespace CrmAlliance.Api.Features.Yield.Monitoring;

/// <summary>
/// The monitoring report as one self-contained printable page in Danish: inline CSS (with print rules and a page
/// break before each section), inline SVG charts, no scripts and no external assets. Written as XHTML-compatible
/// HTML (every element closed, text encoded) so that any XML parser can check it.
/// </summary>
public static class MonitoringHtml
{
    private static readonly string[] OfferMeasures = [VacanciesPosted, PositionsOffered, PlacementsStarted, PlacementWeeks, PlacementsEnded, "reach", Pledged, PledgeFulfilment];
    private static readonly string[] ResultMeasures = ["workOrEducation", "selfSupportingAfter1Month", "selfSupportingAfter3Months", "selfSupportingAfter6Months", "selfSupportingAfter12Months", "conversion"];
    private static readonly string[] GroupMeasures = [PlacementsStarted, PlacementsEnded, .. ResultMeasures[..5]];
    private static readonly string[] QuarterMeasures = [VacanciesPosted, PlacementsStarted, PlacementWeeks, "workOrEducation", "selfSupportingAfter6Months", ActivePartners];
    private static readonly string[] IndustryMeasures = [Members, ActivePartners, PositionsOffered, PlacementsStarted, "reach", "workOrEducation", "selfSupportingAfter6Months"];

    public static string Write(MonitoringReport report)
    {
        var title = $"Overvågningsrapport for Aalborg Alliancen – {report.Period.Label}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"da\" xml:lang=\"da\">\n<head>\n<meta charset=\"utf-8\" />\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        html.Append("<title>").Append(E(title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        Header(html, report, title);
        Alliance(html, report);
        OfferKinds(html, report);
        TargetGroups(html, report);
        Quarters(html, report);
        Targets(html, report);
        Industries(html, report);
        About(html, report);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, MonitoringReport report, string title)
    {
        html.Append("<header>\n<h1>").Append(E(title)).Append("</h1>\n<dl class=\"meta\">\n");
        Term(html, "Periode", $"{report.Period.Label} ({report.Period.Start:dd-MM-yyyy} til {report.Period.End:dd-MM-yyyy})");
        Term(html, "Effektmål fra", report.TargetYear.ToString(CultureInfo.InvariantCulture));
        Term(html, "Definitionsversion", report.DefinitionVersion);
        Term(html, "Forløbsdage opgjort til og med", report.AsOf?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) ?? "rapportmodellen er ikke opbygget endnu");
        Term(html, "Dannet", report.GeneratedAt.ToUniversalTime().ToString("dd-MM-yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture));
        Term(html, "Diskretionering", $"tal fra 1 til {report.SuppressionThreshold - 1} og tal, de kan udledes af, vises som *");
        html.Append("</dl>\n<nav aria-label=\"Indhold\"><ol>");
        foreach (var (id, heading) in new[] { ("alliancen", "Alliancen"), ("tilbud", "Tilbudstyper"), ("maalgrupper", "Målgrupper"), ("kvartaler", "Udvikling pr. kvartal"), ("effektmaal", "Effektmål"), ("brancher", "Brancher"), ("om", "Om tallene") })
        {
            html.Append("<li><a href=\"#").Append(id).Append("\">").Append(E(heading)).Append("</a></li>");
        }

        html.Append("</ol></nav>\n</header>\n");
    }

    private static void Alliance(StringBuilder html, MonitoringReport report)
    {
        Open(html, "alliancen", "Alliancen", first: true);
        html.Append("<table>\n<caption>Medlemmer, aktivitet og samarbejdsgrad</caption>\n<thead><tr><th scope=\"col\">Mål</th><th scope=\"col\">Antal / andel</th></tr></thead>\n<tbody>\n");
        foreach (var row in report.Section(AllianceSection))
        {
            var label = row.Measure == Members ? MonitoringLabels.Slice(AllianceSection, row.Slice) + (row.Slice == All ? " (medlemmer)" : " partnere") : MonitoringLabels.Measure(row.Measure);
            html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th>");
            Cell(html, row);
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        html.Append("<p class=\"note\">Aktive partnere har slået mindst én stilling op eller haft mindst ét forløb i perioden; passive har ingen af delene. ");
        html.Append("Samarbejdsgraden er andelen af medlemmer med mindst én ordinært ansat, som jobcentret samarbejdede med om praktik, løntilskud, fleksjob eller mentor.</p>\n");
        Close(html);
    }

    private static void OfferKinds(StringBuilder html, MonitoringReport report)
    {
        Open(html, "tilbud", "Tilbud, forløb og resultater efter tilbudstype");
        Chart(html, Bars(report, OfferKindSection, PlacementsStarted, "tilbud-chart", "Påbegyndte forløb efter tilbudstype", percent: false));
        Table(html, report, OfferKindSection, "Tilbud og forløb efter tilbudstype", "Tilbudstype", OfferMeasures);
        Table(html, report, OfferKindSection, "Resultater efter tilbudstype", "Tilbudstype", ResultMeasures);
        Close(html);
    }

    private static void TargetGroups(StringBuilder html, MonitoringReport report)
    {
        Open(html, "maalgrupper", "Resultater efter målgruppe");
        Chart(html, Bars(report, TargetGroupSection, "workOrEducation", "maalgrupper-chart", "Andel afsluttet i job eller uddannelse efter målgruppe", percent: true));
        Table(html, report, TargetGroupSection, "Forløb og resultater efter målgruppe", "Målgruppe", GroupMeasures);
        Close(html);
    }

    private static void Quarters(StringBuilder html, MonitoringReport report)
    {
        Open(html, "kvartaler", "Udvikling pr. kvartal");
        var rows = report.Section(QuarterSection).Where(r => r.Slice != All).ToList();
        var quarters = rows.Select(r => r.Slice).Distinct().ToList();
        double? Value(string measure, string slice) => (double?)rows.Single(r => r.Measure == measure && r.Slice == slice).Value;
        var series = new[]
        {
            new ChartSeries(MonitoringLabels.Measure(VacanciesPosted), quarters.Select(q => Value(VacanciesPosted, q)).ToList(), SvgCharts.Orange),
            new ChartSeries(MonitoringLabels.Measure(PlacementsStarted), quarters.Select(q => Value(PlacementsStarted, q)).ToList(), SvgCharts.Blue),
        };
        var description = string.Join("; ", quarters.Select(q => $"{MonitoringLabels.QuarterLabel(q)}: {string.Join(", ", series.Select(s => $"{s.Name} {Shown(s.Values[quarters.IndexOf(q)])}"))}"));
        Chart(html, SvgCharts.Columns("kvartaler-chart", "Opslåede stillinger og påbegyndte forløb pr. kvartal", description, quarters.Select(MonitoringLabels.QuarterLabel).ToList(), series));
        Table(html, report, QuarterSection, "Nøgletal pr. kvartal (I alt: hele perioden)", "Kvartal", QuarterMeasures);
        html.Append("<p class=\"note\">Aktive partnere tælles i hvert kvartal, de var aktive i, så kvartalerne summer ikke til perioden.</p>\n");
        Close(html);
    }

    private static void Targets(StringBuilder html, MonitoringReport report)
    {
        Open(html, "effektmaal", $"Effektmål {report.TargetYear}: resultat mod mål");
        var rows = report.Section(EffectTargetSection).ToList();
        if (rows.Count == 0)
        {
            html.Append("<p>Der er ikke sat effektmål for ").Append(report.TargetYear.ToString(CultureInfo.InvariantCulture)).Append(".</p>\n");
            Close(html);
            return;
        }

        var bars = rows.Select(r => new ChartBar($"{MonitoringLabels.Measure(r.Measure)} – {MonitoringLabels.Slice(EffectTargetSection, r.Slice)}", r.Rate * 100, RateText(r), (double?)r.Target)).ToList();
        var description = string.Join("; ", bars.Select((b, i) => $"{b.Label}: {b.Shown}, mål {MonitoringLabels.Percent(rows[i].Target!.Value)}"));
        Chart(html, SvgCharts.HorizontalBars("effektmaal-chart", "Resultat mod effektmål i procent", description, bars, 100));
        html.Append("<table>\n<caption>Effektmål og resultat</caption>\n<thead><tr><th scope=\"col\">Mål</th><th scope=\"col\">Tilbudstype · målgruppe</th>");
        html.Append("<th scope=\"col\">Mål</th><th scope=\"col\">Resultat</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(MonitoringLabels.Measure(row.Measure))).Append("</th><td class=\"text\">").Append(E(MonitoringLabels.Slice(EffectTargetSection, row.Slice))).Append("</td>");
            html.Append("<td>").Append(E(MonitoringLabels.Percent(row.Target!.Value))).Append("</td>");
            Cell(html, row);
            html.Append("<td class=\"text status-").Append(row.Status.ToString()!.ToLowerInvariant()).Append("\">").Append(E(StatusText(row.Status!.Value))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        html.Append("<p class=\"note\">Mål er sat pr. kalenderår; en periode over et årsskifte holdes op mod målene for det år, perioden slutter i.</p>\n");
        Close(html);
    }

    private static void Industries(StringBuilder html, MonitoringReport report)
    {
        Open(html, "brancher", "Brancher (DB07-hovedafsnit)");
        Chart(html, Bars(report, IndustrySection, PlacementsStarted, "brancher-chart", "Påbegyndte forløb efter branche", percent: false));
        Table(html, report, IndustrySection, "Medlemmer, tilbud og resultater efter branche", "Branche", IndustryMeasures);
        html.Append("<p class=\"note\">Forløb og stillinger tæller alle virksomheder i CRM'et, også ikke-medlemmer; medlemmer og aktive partnere tæller kun medlemmer.</p>\n");
        Close(html);
    }

    private static void About(StringBuilder html, MonitoringReport report)
    {
        Open(html, "om", "Om tallene");
        html.Append("<ul>\n");
        foreach (var line in new[]
        {
            $"Alle tal kommer fra CRM'ets rapportmodel for partnerudbytte, beregnet efter definitionsversion {report.DefinitionVersion}.",
            "Rapporten nævner ingen borgere og ingen enkelte virksomheder: den har kun samlede tal.",
            $"Diskretionering: tal fra 1 til {report.SuppressionThreshold - 1} vises som *. Det samme gælder andele, hvor tælleren, nævneren eller forskellen mellem dem er så lille, og tal, som ellers kunne regnes ud fra en total og de øvrige tal i tabellen.",
            "Medlemmer er virksomheder med et aktivt eller midlertidigt stillet medlemskab, som var begyndt ved periodens slutning.",
            "Forløb tælles i den måned, de begyndte; resultater og opfølgninger (selvforsørgende efter 1, 3, 6 og 12 måneder) i den måned, forløbet sluttede. Andelene regnes af de forløb, hvor resultatet er registreret.",
            "Rækkevidde er andelen af påbegyndte forløb for borgere langt fra arbejdsmarkedet (aktivitetsparate, ressourceforløb, ledighedsydelse og integration).",
            "Opfyldelse af tilsagn er påbegyndte forløb i forhold til de pladser, virksomhederne har givet tilsagn om for perioden.",
            "– betyder, at der intet er at regne en andel af i perioden.",
        })
        {
            html.Append("<li>").Append(E(line)).Append("</li>\n");
        }

        html.Append("</ul>\n");
        Close(html);
    }

    /// <summary>A table of one section: a row per slice (the total last), a column per measure.</summary>
    private static void Table(StringBuilder html, MonitoringReport report, string section, string caption, string sliceHeading, IReadOnlyList<string> measures)
    {
        var rows = report.Section(section).ToList();
        var cells = rows.ToDictionary(r => (r.Measure, r.Slice));
        var slices = rows.Select(r => r.Slice).Distinct().OrderBy(s => s == All).ToList();
        html.Append("<table>\n<caption>").Append(E(caption)).Append("</caption>\n<thead><tr><th scope=\"col\">").Append(E(sliceHeading)).Append("</th>");
        foreach (var measure in measures)
        {
            html.Append("<th scope=\"col\">").Append(E(MonitoringLabels.Measure(measure))).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var slice in slices)
        {
            html.Append(slice == All ? "<tr class=\"total\">" : "<tr>").Append("<th scope=\"row\">").Append(E(MonitoringLabels.Slice(section, slice))).Append("</th>");
            foreach (var measure in measures)
            {
                if (cells.TryGetValue((measure, slice), out var row))
                {
                    Cell(html, row);
                }
                else
                {
                    html.Append("<td></td>");
                }
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Cell(StringBuilder html, MonitoringRow row)
    {
        html.Append(row.Suppressed ? "<td class=\"suppressed\">" : "<td>").Append(E(CellText(row)));
        if (row is { Kind: FigureKind.Rate, Rate: not null })
        {
            html.Append(" <span class=\"n\">(").Append(E(MonitoringLabels.Count(row.Value!.Value))).Append('/').Append(E(MonitoringLabels.Count(row.Base!.Value))).Append(")</span>");
        }

        html.Append("</td>");
    }

    private static string CellText(MonitoringRow row) => row.Kind switch
    {
        FigureKind.Rate or FigureKind.Ratio => RateText(row),
        _ => row.Value is { } v ? MonitoringLabels.Count(v) : "*",
    };

    private static string RateText(MonitoringRow row) => row.Rate is { } rate ? MonitoringLabels.Percent(rate) : row.Suppressed ? "*" : "–";

    private static string Shown(double? value) => value is { } v ? MonitoringLabels.Count((decimal)v) : "* (undertrykt)";

    private static string Bars(MonitoringReport report, string section, string measure, string id, string title, bool percent)
    {
        var bars = report.Section(section).Where(r => r.Measure == measure && r.Slice != All)
            .Select(r => new ChartBar(MonitoringLabels.Slice(section, r.Slice), percent ? r.Rate * 100 : (double?)r.Value, CellText(r)))
            .ToList();
        var max = percent ? 100 : SvgCharts.NiceMax(bars.Max(b => b.Value) ?? 0);
        var description = string.Join("; ", bars.Select(b => $"{b.Label}: {(b.Shown == "*" ? "* (undertrykt)" : b.Shown)}"));
        return SvgCharts.HorizontalBars(id, title, description, bars, max);
    }

    private static string StatusText(TargetStatus status) => status switch
    {
        TargetStatus.Met => "Opfyldt",
        TargetStatus.NotMet => "Ikke opfyldt",
        TargetStatus.NoData => "Ingen data",
        _ => "Undertrykt",
    };

    private static void Term(StringBuilder html, string term, string description)
        => html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(description)).Append("</dd>\n");

    private static void Open(StringBuilder html, string id, string heading, bool first = false)
        => html.Append(first ? "<section class=\"first\" id=\"" : "<section id=\"").Append(id).Append("\" aria-labelledby=\"").Append(id).Append("-h\">\n<h2 id=\"").Append(id).Append("-h\">").Append(E(heading)).Append("</h2>\n");

    private static void Close(StringBuilder html) => html.Append("</section>\n");

    private static void Chart(StringBuilder html, string svg) => html.Append("<div class=\"figure\">").Append(svg).Append("</div>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """

        body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; color: #111; margin: 2em auto; max-width: 62em; padding: 0 1em; line-height: 1.4; }
        h1 { font-size: 1.6em; margin-bottom: 0.3em; }
        h2 { font-size: 1.25em; border-bottom: 2px solid #1f5f8b; padding-bottom: 0.2em; margin-top: 2em; }
        dl.meta { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
        dl.meta dt { font-weight: bold; }
        dl.meta dd { margin: 0; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.85em; }
        caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
        th, td { border: 1px solid #999; padding: 0.25em 0.5em; vertical-align: top; }
        thead th { background: #e8eef3; text-align: left; }
        tbody th { text-align: left; font-weight: normal; }
        td { text-align: right; white-space: nowrap; }
        td.text { text-align: left; white-space: normal; }
        tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #333; }
        td.suppressed { color: #555; }
        .n { color: #555; font-size: 0.85em; }
        .note { font-size: 0.85em; color: #333; }
        .status-met { color: #1b5e20; }
        .status-notmet { color: #b00020; }
        .figure { margin: 1em 0; }
        .chart { max-width: 100%; height: auto; }
        .chart-label, .chart-value { font-size: 12px; fill: #111; }
        @page { size: A4; margin: 15mm; }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
          nav { display: none; }
          section { break-before: page; page-break-before: always; }
          section.first { break-before: auto; page-break-before: auto; }
          table, .figure { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
        }

        """;
}
