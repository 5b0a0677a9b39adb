using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Infrastructure.Csv;

namespace CrmAlliance.UnitTests.Infrastructure.Csv;

public sealed class CsvExportWriterTests
{
    [Fact]
    public async Task Cells_with_the_separator_a_quote_or_a_line_break_are_quoted_and_read_back_unchanged()
    {
        string[] cells = ["plain", "Smed, Sønner & Co", "Bageriet \"Kringlen\"", "two\nlines", "cr\r\nlf", "semi;colon", ""];
        var output = new StringWriter();

        await using (var csv = new CsvExportWriter(output))
        {
            await csv.WriteRowAsync(cells);
        }

        Assert.Equal("plain,\"Smed, Sønner & Co\",\"Bageriet \"\"Kringlen\"\"\",\"two\nlines\",\"cr\r\nlf\",semi;colon,\r\n", output.ToString());
        Assert.Equal(cells, CsvRecords.Parse(output.ToString(), ',').Single().Fields);
    }

    [Fact]
    public async Task With_semicolons_a_semicolon_is_quoted_and_a_comma_is_not()
    {
        var output = new StringWriter();

        await using (var csv = new CsvExportWriter(output, ';'))
        {
            await csv.WriteRowAsync(["a;b", "c,d"]);
        }

        Assert.Equal("\"a;b\";c,d\r\n", output.ToString());
    }

    [Fact]
    public async Task Only_text_is_neutralised_and_cells_are_quoted_only_where_needed()
    {
        var output = new StringWriter();

        await using (var csv = new CsvExportWriter(output))
        {
            await csv.WriteRowAsync([" padded ", -1, -2.5m, "-1"]);
            await csv.WriteRowAsync(["short", "row"]);
        }

        Assert.Equal(" padded ,-1,-2.5,'-1\r\nshort,row\r\n", output.ToString());
    }

    [Fact]
    public async Task To_a_stream_it_writes_UTF_8_after_a_byte_order_mark()
    {
        using var output = new MemoryStream();

        await using (var csv = new CsvExportWriter(output, ';', byteOrderMark: true))
        {
            await csv.WriteRowAsync(["Smed; Sønner", "æøå"]);
        }

        Assert.Equal([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("\"Smed; Sønner\";æøå\r\n")], output.ToArray());
    }

    [Fact]
    public void Values_are_written_the_same_in_every_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("da-DK");
        try
        {
            Assert.Equal("37.5", CsvCell.Format(37.5m));
            Assert.Equal("12345", CsvCell.Format(12345));
            Assert.Equal("2026-03-01", CsvCell.Format(new DateOnly(2026, 3, 1)));
            Assert.Equal("2026-03-01T07:30:00Z", CsvCell.Format(new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.FromHours(1))));
            Assert.Equal("true", CsvCell.Format(true));
            Assert.Equal("ORDINARY_JOB", CsvCell.Format(OfferKind.OrdinaryJob));
            Assert.Equal("BACK_ON_BENEFITS", CsvCell.Format(EndResult.BackOnBenefits));
            Assert.Equal("INSURED_UNEMPLOYED;NEW_GRADUATE", CsvCell.Format(new List<TargetGroup> { TargetGroup.InsuredUnemployed, TargetGroup.NewGraduate }));
            Assert.Equal("", CsvCell.Format(null));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+45 1234", "'+45 1234")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Smed & Co", "Smed & Co")]
    public void Text_that_Excel_would_run_as_a_formula_is_shown_instead(string text, string cell)
        => Assert.Equal(cell, CsvCell.Format(text));
}
