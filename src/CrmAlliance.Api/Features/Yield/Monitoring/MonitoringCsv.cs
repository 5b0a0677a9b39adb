using System.Globalization;
using CrmAlliance.Api.Infrastructure.Csv;

namespace CrmAlliance.Api.Features.Yield.Monitoring;

/// <summary>The monitoring report as one long CSV table (RFC 4180, invariant culture); columns in MonitoringReport.md.</summary>
public static class MonitoringCsv
{
    public const string Header = "section,measure,slice,value,base,rate,target,suppressed";

    public static string Write(MonitoringReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvExportWriter(text))
        {
            csv.WriteTextRow(Header.Split(','));
            Meta(csv, "period", report.Period.Label);
            Meta(csv, "targetYear", value: report.TargetYear);
            Meta(csv, "definitionVersion", report.DefinitionVersion);
            Meta(csv, "asOf", CsvCell.Format(report.AsOf));
            Meta(csv, "generatedAt", CsvCell.Format(report.GeneratedAt));
            Meta(csv, "suppressionThreshold", value: report.SuppressionThreshold);
            foreach (var row in report.Rows)
            {
                csv.WriteTextRow([row.Section, row.Measure, row.Slice, Number(row.Value), Number(row.Base), Number(Percent(row.Rate)), Number(row.Target), row.Suppressed ? "true" : "false"]);
            }
        }

        return text.ToString();
    }

    /// <summary>A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break.</summary>
    public static string Field(string value) => CsvExportWriter.Quote(value, ',');

    private static decimal? Percent(double? rate) => rate is { } r ? Math.Round((decimal)r * 100, 2) : null;

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The report's own facts, as lines of the section <c>report</c>; their cells are written as they are (no formula neutralising), as the rows' are.</summary>
    private static void Meta(CsvExportWriter csv, string measure, string slice = "", int? value = null)
        => csv.WriteTextRow(["report", measure, slice, Number(value), "", "", "", "false"]);
}
