using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.ReferenceData;

namespace CrmAlliance.UnitTests.Features.Exports;

public sealed class CsvWriterTests
{
    [Fact]
    public async Task Cells_with_the_separator_a_quote_or_a_line_break_are_quoted_and_read_back_unchanged()
    {
        string[] cells = ["plain", "Smed, Sønner & Co", "Bageriet \"Kringlen\"", "two\nlines", "cr\r\nlf", "semi;colon", ""];
        var output = new StringWriter();

        await new CsvWriter(output).WriteRowAsync(cells);

        Assert.Equal("plain,\"Smed, Sønner & Co\",\"Bageriet \"\"Kringlen\"\"\",\"two\nlines\",\"cr\r\nlf\",semi;colon,\r\n", output.ToString());
        Assert.Equal(cells, Csv.Parse(output.ToString(), ',').Single());
    }

    [Fact]
    public async Task With_semicolons_a_semicolon_is_quoted_and_a_comma_is_not()
    {
        var output = new StringWriter();

        await new CsvWriter(output, ';').WriteRowAsync(["a;b", "c,d"]);

        Assert.Equal("\"a;b\";c,d\r\n", output.ToString());
    }

    [Fact]
    public void Values_are_written_the_same_in_every_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("da-DK");
        try
        {
            Assert.Equal("37.5", CsvWriter.Format(37.5m));
            Assert.Equal("12345", CsvWriter.Format(12345));
            Assert.Equal("2026-03-01", CsvWriter.Format(new DateOnly(2026, 3, 1)));
            Assert.Equal("2026-03-01T07:30:00Z", CsvWriter.Format(new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.FromHours(1))));
            Assert.Equal("true", CsvWriter.Format(true));
            Assert.Equal("ORDINARY_JOB", CsvWriter.Format(OfferKind.OrdinaryJob));
            Assert.Equal("BACK_ON_BENEFITS", CsvWriter.Format(EndResult.BackOnBenefits));
            Assert.Equal("INSURED_UNEMPLOYED;NEW_GRADUATE", CsvWriter.Format(new List<TargetGroup> { TargetGroup.InsuredUnemployed, TargetGroup.NewGraduate }));
            Assert.Equal("", CsvWriter.Format(null));
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
        => Assert.Equal(cell, CsvWriter.Format(text));
}
