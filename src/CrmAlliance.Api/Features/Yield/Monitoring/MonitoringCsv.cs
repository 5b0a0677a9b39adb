using System.Globalization;
using System.Text;
using CrmAlliance.Api.Features.ReferenceData;

namespace CrmAlliance.Api.Features.Yield.Monitoring;

/// <summary>The monitoring report as one long CSV table (RFC 4180, invariant culture); columns in MonitoringReport.md.</summary>
public static class MonitoringCsv
{
    public const string Header = "section,measure,slice,value,base,rate,target,suppressed";

    public static string Write(MonitoringReport report)
    {
        var csv = new StringBuilder();
        csv.Append(Header).Append("\r\n");
        Meta(csv, "period", report.Period.Label);
        Meta(csv, "targetYear", value: report.TargetYear);
        Meta(csv, "definitionVersion", report.DefinitionVersion);
        Meta(csv, "asOf", CsvWriter.Format(report.AsOf));
        Meta(csv, "generatedAt", CsvWriter.Format(report.GeneratedAt));
        Meta(csv, "suppressionThreshold", value: report.SuppressionThreshold);
        foreach (var row in report.Rows)
        {
            Line(csv, row.Section, row.Measure, row.Slice, Number(row.Value), Number(row.Base), Number(Percent(row.Rate)), Number(row.Target), row.Suppressed ? "true" : "false");
        }

        return csv.ToString();
    }

    /// <summary>A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break.</summary>
    public static string Field(string value) => CsvWriter.Quote(value, ',');

    private static decimal? Percent(double? rate) => rate is { } r ? Math.Round((decimal)r * 100, 2) : null;

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    private static void Meta(StringBuilder csv, string measure, string slice = "", int? value = null)
        => Line(csv, "report", measure, slice, Number(value), "", "", "", "false");

    private static void Line(StringBuilder csv, params string[] fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }
}
