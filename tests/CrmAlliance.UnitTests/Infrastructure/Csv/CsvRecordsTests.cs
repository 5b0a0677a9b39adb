using CrmAlliance.Api.Infrastructure.Csv;

namespace CrmAlliance.UnitTests.Infrastructure.Csv;

public sealed class CsvRecordsTests
{
    private static List<string[]> Parse(string text, char separator) => CsvRecords.Parse(text, separator).Select(r => r.Fields).ToList();

    [Fact]
    public void Quoted_fields_keep_separators_quotes_and_line_breaks()
    {
        var rows = Parse("a;\"b;c\";\"say \"\"hi\"\"\"\r\n\"two\nlines\";x;\n", ';');

        Assert.Equal(2, rows.Count);
        Assert.Equal(["a", "b;c", "say \"hi\""], rows[0]);
        Assert.Equal(["two\nlines", "x", ""], rows[1]);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_a_last_line_without_newline_is_read()
        => Assert.Equal([["1", "2"], ["3", "4"]], Parse("1,2\n\n3,4", ','));

    [Fact]
    public void Each_record_has_the_line_it_starts_on_whatever_the_line_ends()
    {
        var records = CsvRecords.Parse("h1,h2\r\n\r\n\"two\r\nlines\",x\n\n\"cr\ronly\",y\rlast,z", ',');

        Assert.Equal([1, 3, 6, 8], records.Select(r => r.Line));
        Assert.Equal(["cr\ronly", "y"], records[2].Fields);
        Assert.Equal(["last", "z"], records[3].Fields);
        Assert.DoesNotContain(records, r => r.UnclosedQuote);
    }

    [Fact]
    public void A_quoted_cell_never_closed_marks_the_record_it_starts_in()
    {
        var records = CsvRecords.Parse("a,b\n1,\"open\n2,3\n", ',');

        Assert.Equal(2, records.Count);
        Assert.True(records[1].UnclosedQuote);
        Assert.Equal(2, records[1].Line);
    }
}
