using System.Globalization;
using System.Text;
using CrmAlliance.Api.Infrastructure.Csv;

namespace CrmAlliance.Api.Features.Yield.Monitoring;

/// <summary>The two forms of the monitoring CSV (see MonitoringReport.md).</summary>
public enum MonitoringCsvForm
{
    /// <summary>For analysts' tools: commas, <c>.</c> decimals, the English codes; no BOM. The default.</summary>
    Codes,

    /// <summary>For Excel with Danish settings: semicolons, decimal commas, Danish headers and labels, UTF-8 with a BOM.</summary>
    Danish,
}

/// <summary>The monitoring report as one long CSV table (RFC 4180); columns in MonitoringReport.md.</summary>
public static class MonitoringCsv
{
    public const string Header = "section,measure,slice,value,base,rate,target,suppressed";

    /// <summary>The Danish form's header, column for column the same as <see cref="Header"/>.</summary>
    public const string DanishHeader = "Afsnit;Mål;Udsnit;Værdi;Grundlag;Andel (%);Måltal (%);Skjult";

    /// <summary>
    /// The form a request asks for with <c>lang</c>: a Danish language (<c>da</c>, <c>da-DK</c>) gives the Danish form,
    /// anything else, or none, the codes (the form API clients have always had).
    /// </summary>
    public static MonitoringCsvForm FormOf(string? lang)
        => lang?.Trim() is { Length: > 0 } code && (code.Equals("da", StringComparison.OrdinalIgnoreCase) || code.StartsWith("da-", StringComparison.OrdinalIgnoreCase))
            ? MonitoringCsvForm.Danish
            : MonitoringCsvForm.Codes;

    /// <summary>The file's bytes in UTF-8; the Danish form starts with a byte order mark, so Excel reads æ, ø and å right.</summary>
    public static byte[] Encode(MonitoringReport report, MonitoringCsvForm form)
    {
        var text = Encoding.UTF8.GetBytes(Write(report, form));
        return form == MonitoringCsvForm.Danish ? [.. Encoding.UTF8.Preamble, .. text] : text;
    }

    public static string Write(MonitoringReport report, MonitoringCsvForm form = MonitoringCsvForm.Codes)
    {
        var danish = form == MonitoringCsvForm.Danish;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvExportWriter(text, danish ? ';' : ','))
        {
            csv.WriteTextRow(danish ? DanishHeader.Split(';') : Header.Split(','));
            var numbers = danish ? MonitoringLabels.Danish : NumberFormatInfo.InvariantInfo;
            string Number(decimal? value) => value?.ToString("0.##", numbers) ?? "";
            string Flag(bool suppressed) => danish ? (suppressed ? "ja" : "nej") : (suppressed ? "true" : "false");
            void Meta(string measure, string slice = "", int? value = null)
                => csv.WriteTextRow([danish ? MonitoringLabels.Section("report") : "report", danish ? MonitoringLabels.ReportFact(measure) : measure, slice, Number(value), "", "", "", Flag(false)]);

            // The report's own facts, as lines of the section "report"; their cells are written as they are (no formula neutralising), as the rows' are.
            Meta("period", report.Period.Label);
            Meta("targetYear", value: report.TargetYear);
            Meta("definitionVersion", report.DefinitionVersion);
            Meta("asOf", CsvCell.Format(report.AsOf));
            Meta("generatedAt", CsvCell.Format(report.GeneratedAt));
            Meta("suppressionThreshold", value: report.SuppressionThreshold);
            foreach (var row in report.Rows)
            {
                csv.WriteTextRow([
                    danish ? MonitoringLabels.Section(row.Section) : row.Section,
                    danish ? MonitoringLabels.Measure(row.Measure) : row.Measure,
                    danish ? MonitoringLabels.Slice(row.Section, row.Slice) : row.Slice,
                    Number(row.Value), Number(row.Base), Number(Percent(row.Rate)), Number(row.Target), Flag(row.Suppressed)]);
            }
        }

        return text.ToString();
    }

    /// <summary>A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break.</summary>
    public static string Field(string value) => CsvExportWriter.Quote(value, ',');

    private static decimal? Percent(double? rate) => rate is { } r ? Math.Round((decimal)r * 100, 2) : null;
}
