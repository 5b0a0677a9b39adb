using CsvHelper;

namespace CrmAlliance.Api.Infrastructure.Csv;

/// <summary>One CSV record: the line it starts on (1-based) and its fields.</summary>
public sealed record CsvRecord(int Line, string[] Fields, bool UnclosedQuote);

/// <summary>
/// Reads CSV with CsvHelper (RFC 4180: quoted fields, doubled quotes, line breaks in quoted fields; lines
/// may end in CRLF, LF or CR) into records, each with the line it starts on. Blank lines are skipped.
/// </summary>
public static class CsvRecords
{
    /// <summary>Splits CSV text into records; see <see cref="Read(CsvReader)"/>.</summary>
    public static IReadOnlyList<CsvRecord> Parse(string text, char separator)
    {
        var unclosedLine = 0L;
        using var reader = CsvReader.FromText(text, Options(separator, line => unclosedLine = line));
        return Read(reader, () => unclosedLine);
    }

    /// <summary>Reads UTF-8 CSV from a stream (a byte order mark is dropped); see <see cref="Parse"/>.</summary>
    public static IReadOnlyList<CsvRecord> Read(Stream stream, char separator)
    {
        var unclosedLine = 0L;
        using var reader = CsvReader.Create(stream, Options(separator, line => unclosedLine = line), leaveOpen: true);
        return Read(reader, () => unclosedLine);
    }

    /// <summary>
    /// Every record is returned, the header too (blank lines skipped, and a line of one empty quoted cell).
    /// A quoted cell that is never closed runs to the end of the input, and its record is marked
    /// <see cref="CsvRecord.UnclosedQuote"/>, so an import can refuse the file. A stray quote inside an
    /// unquoted cell is kept as text; text after a closing quote is appended to the cell (<c>"ab"c</c> is <c>abc</c>).
    /// </summary>
    private static List<CsvRecord> Read(CsvReader reader, Func<long> unclosedLine)
    {
        var records = new List<CsvRecord>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            if (fields is not [""])
            {
                records.Add(new CsvRecord(checked((int)reader.LineNumber), fields, UnclosedQuote: false));
            }
        }

        if (unclosedLine() > 0 && records.FindLastIndex(r => r.Line == unclosedLine()) is var unclosed and >= 0)
        {
            records[unclosed] = records[unclosed] with { UnclosedQuote = true };
        }

        return records;
    }

    private static CsvReaderOptions Options(char separator, Action<long> onUnclosedQuote) => new()
    {
        Separator = separator,
        HasHeader = false,
        Mode = CsvMode.Rfc4180,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Recover,
        OnMalformedRecord = malformed =>
        {
            if (malformed.Reason == CsvMalformedReason.UnterminatedQuote)
            {
                onUnclosedQuote(malformed.LineNumber);
            }
        },
    };
}
