using System.Net;
using System.Text;
using CrmAlliance.Api.Features.Yield.Monitoring;

namespace CrmAlliance.IntegrationTests.Yield.Monitoring;

public sealed class MonitoringCsvTests(MonitoringWorld world) : IClassFixture<MonitoringWorld>
{
    private static readonly string[] Columns = ["section", "measure", "slice", "value", "base", "rate", "target", "suppressed"];

    [Fact]
    public async Task The_CSV_is_one_long_table_with_the_reports_header_rows_and_figures_from_the_read_model()
    {
        var (response, body) = await MonitoringWorld.GetAsync(world.Manager, "/reports/monitoring.csv?period=2025");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment; filename=\"monitoring-2025.csv\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.EndsWith("\r\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", body.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var rows = Parse(body);
        Assert.Equal(Columns, rows[0]);
        Assert.All(rows, r => Assert.Equal(8, r.Length));
        var table = rows.Skip(1).ToLookup(r => (r[0], r[1], r[2]));
        string[] Row(string section, string measure, string slice) => Assert.Single(table[(section, measure, slice)]);

        Assert.Equal("2025", Row("report", "period", "2025")[2]);
        Assert.Equal("2025", Row("report", "targetYear", "")[3]);
        Assert.Equal("5", Row("report", "suppressionThreshold", "")[3]);
        Assert.Single(rows, r => r[0] == "report" && r[1] == "asOf" && r[2] == "2025-12-31");
        Assert.Single(rows, r => r[0] == "report" && r[1] == "definitionVersion" && r[2].StartsWith("2026.1 (", StringComparison.Ordinal));

        Assert.Equal(["54", "", "", "", "false"], Row("offerKind", "placementsStarted", "All")[3..]);
        Assert.Equal(["20", "", "", "", "false"], Row("offerKind", "placementsStarted", "OrdinaryJob")[3..]);
        Assert.Equal(["23", "48", "47.92", "", "false"], Row("offerKind", "workOrEducation", "All")[3..]);
        Assert.Equal(["12", "", "", "", "false"], Row("offerKind", "pledged", "Internship")[3..]);
        Assert.Equal(["9", "", "", "", "false"], Row("alliance", "members", "All")[3..]);
        Assert.Equal(["6", "", "", "", "false"], Row("alliance", "contacts", "All")[3..]);
        Assert.Equal(["28", "13", "6", "7", "54"], new[] { "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "All" }.Select(q => Row("quarter", "placementsStarted", q)[3]));
        Assert.Equal(["23", "", "", "", "54"], new[] { "C", "F", "G", "Q", "All" }.Select(s => Row("industrySection", "placementsStarted", s)[3]));
        Assert.Equal("5", Row("industrySection", "members", "C")[3]);

        // Result against target: the target column beside the rate, for the year's targets only.
        Assert.Equal(["24", "54", "44.44", "25", "false"], Row("effectTarget", "reach", "All/All")[3..]);
        Assert.Equal(["10", "20", "50", "40", "false"], Row("effectTarget", "selfSupportingAfter6Months", "OrdinaryJob/All")[3..]);
        Assert.Equal(6, rows.Count(r => r[0] == "effectTarget"));
        Assert.DoesNotContain(rows, r => r[6] == "77");
    }

    [Fact]
    public async Task Small_counts_are_withheld_and_so_is_what_would_give_them_away()
    {
        var (_, body) = await MonitoringWorld.GetAsync(world.Manager, "/reports/monitoring.csv?period=2025");
        var rows = Parse(body).Skip(1).ToList();
        string[] Row(string section, string measure, string slice) => rows.Single(r => r[0] == section && r[1] == measure && r[2] == slice);

        // 3 internships: withheld; flex job's 6 too, or 54 minus the others would give the 3 away.
        Assert.Equal(["", "", "", "", "true"], Row("offerKind", "placementsStarted", "Internship")[3..]);
        Assert.Equal(["", "", "", "", "true"], Row("offerKind", "placementsStarted", "FlexJob")[3..]);
        Assert.Equal(["", "12", "", "", "true"], Row("offerKind", "pledgeFulfilment", "Internship")[3..]);

        // 4 dormant of 9 members: both parts withheld, the total shown.
        Assert.Equal("true", Row("alliance", "members", "Dormant")[7]);
        Assert.Equal("true", Row("alliance", "members", "Active")[7]);

        // Wage subsidy: 6 of 8 self-supporting; the complement 2 is small, so the count and rate go, the base stays.
        Assert.Equal(["", "8", "", "", "true"], Row("offerKind", "selfSupportingAfter6Months", "WageSubsidy")[3..]);
        Assert.Equal(["", "8", "", "60", "true"], Row("effectTarget", "selfSupportingAfter6Months", "WageSubsidy/All")[3..]);

        // … and mentor's 5 of 5 goes with it, or the total 21 minus 10 and 5 would give the 6 away.
        Assert.Equal(["", "5", "", "", "true"], Row("offerKind", "selfSupportingAfter6Months", "Mentor")[3..]);
        Assert.Equal(["10", "20", "50", "", "false"], Row("offerKind", "selfSupportingAfter6Months", "OrdinaryJob")[3..]);
        Assert.Equal(["21", "33", "63.64", "", "false"], Row("offerKind", "selfSupportingAfter6Months", "All")[3..]);
        Assert.Equal(["", "", "", "30", "true"], Row("effectTarget", "conversion", "Internship/All")[3..]);

        // A section with fewer than 5 companies behind it (F: one prospect with 10 placements) is withheld whole.
        Assert.All(rows.Where(r => r[0] == "industrySection" && r[2] == "F"), r => Assert.Equal(["", "", "", "true"], [r[3], r[4], r[5], r[7]]));

        // The count of 3 never appears, as a value or as a base, anywhere.
        Assert.DoesNotContain(rows, r => r[3] == "3" || r[4] == "3");
        Assert.All(rows.Where(r => r[7] == "true"), r => Assert.Equal("", r[5]));
        Assert.All(rows.Where(r => r[0] != "report" && r[1] is not ("pledged" or "pledgeFulfilment")), r => Assert.False(IsSmall(r[3]) || IsSmall(r[4]), string.Join(",", r)));
    }

    private static bool IsSmall(string figure) => figure.Length > 0 && decimal.Parse(figure, System.Globalization.CultureInfo.InvariantCulture) is > 0 and < 5;

    [Fact]
    public async Task No_company_is_named()
    {
        var (_, body) = await MonitoringWorld.GetAsync(world.Manager, "/reports/monitoring.csv?period=2025");

        Assert.DoesNotContain("Virksomhed", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Parse(body).Skip(1), r => Guid.TryParse(r[2], out _));
    }

    [Fact]
    public async Task From_the_Danish_UI_the_CSV_has_semicolons_decimal_commas_Danish_labels_and_a_BOM_for_Danish_Excel()
    {
        using var response = await world.Manager.GetAsync(new Uri("/reports/monitoring.csv?period=2025&lang=da", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", MonitoringWorld.ContentType(response)!.CharSet);
        Assert.Equal("attachment; filename=\"monitoring-2025.csv\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var rows = Parse(Encoding.UTF8.GetString(bytes[3..]), ';');
        Assert.Equal(["Afsnit", "Mål", "Udsnit", "Værdi", "Grundlag", "Andel (%)", "Måltal (%)", "Skjult"], rows[0]);
        Assert.All(rows, r => Assert.Equal(8, r.Length));
        var table = rows.Skip(1).ToLookup(r => (r[0], r[1], r[2]));
        string[] Row(string section, string measure, string slice) => Assert.Single(table[(section, measure, slice)]);

        Assert.Equal("2025", Row("Rapport", "Periode", "2025")[2]);
        Assert.Equal("5", Row("Rapport", "Diskretionsgrænse", "")[3]);
        Assert.Equal(["23", "48", "47,92", "", "nej"], Row("Tilbudstype", "Job eller uddannelse ved afslutning", "I alt")[3..]);
        Assert.Equal(["20", "", "", "", "nej"], Row("Tilbudstype", "Påbegyndte forløb", "Ordinært job")[3..]);
        Assert.Equal(["", "", "", "", "ja"], Row("Tilbudstype", "Påbegyndte forløb", "Virksomhedspraktik")[3..]);
        Assert.Equal(["10", "20", "50", "40", "nej"], Row("Effektmål", "Selvforsørgende efter 6 mdr.", "Ordinært job · I alt")[3..]);
        Assert.Equal("28", Row("Kvartal", "Påbegyndte forløb", "1. kvt. 2025")[3]);
        Assert.Equal("5", Row("Branche", "Medlemmer", "C Fremstillingsvirksomhed")[3]);

        // The same figures as the codes' form, line for line.
        var (_, codes) = await MonitoringWorld.GetAsync(world.Manager, "/reports/monitoring.csv?period=2025");
        Assert.Equal(Parse(codes).Count, rows.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("&lang=en")]
    public async Task From_the_English_UI_or_without_a_language_the_CSV_keeps_commas_points_the_codes_and_no_BOM(string lang)
    {
        using var response = await world.Manager.GetAsync(new Uri("/reports/monitoring.csv?period=2025" + lang, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal((byte)'s', bytes[0]);
        var rows = Parse(Encoding.UTF8.GetString(bytes));
        Assert.Equal(Columns, rows[0]);
        Assert.Single(rows, r => r is ["offerKind", "workOrEducation", "All", "23", "48", "47.92", "", "false"]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    public void Fields_are_quoted_as_RFC_4180_says(string value, string written) => Assert.Equal(written, MonitoringCsv.Field(value));

    /// <summary>A strict RFC 4180 reader: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    internal static List<string[]> Parse(string csv, char separator = ',')
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
