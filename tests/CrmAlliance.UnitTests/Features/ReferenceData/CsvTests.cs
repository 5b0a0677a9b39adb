using CrmAlliance.Api.Features.ReferenceData;

namespace CrmAlliance.UnitTests.Features.ReferenceData;

public sealed class CsvTests
{
    [Fact]
    public void Quoted_fields_keep_separators_quotes_and_line_breaks()
    {
        var rows = Csv.Parse("a;\"b;c\";\"say \"\"hi\"\"\"\r\n\"two\nlines\";x;\n", ';').ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(["a", "b;c", "say \"hi\""], rows[0]);
        Assert.Equal(["two\nlines", "x", ""], rows[1]);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_a_last_line_without_newline_is_read()
        => Assert.Equal([["1", "2"], ["3", "4"]], Csv.Parse("1,2\n\n3,4", ','));
}
