using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Infrastructure.Csv;

/// <summary>An import file's records after the checks of the file as a whole: the header, the lines after it, the separator.</summary>
public sealed record CsvImportText(char Separator, CsvRecord Header, IReadOnlyList<CsvRecord> Lines);

/// <summary>
/// The checks every CSV import makes of the file as a whole before reading its lines (the company and
/// the candidate import): its size and line count, that it was valid UTF-8, a BOM dropped, the separator
/// detected from the header, every quoted cell closed. Each problem is a <see cref="ValidationException"/> on <c>csv</c>.
/// </summary>
public static class CsvImportFile
{
    private const string Field = "csv";

    public static CsvImportText Read(string csv, int maxBytes, int maxLines)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(csv);
        if (bytes > maxBytes)
        {
            throw new ValidationException(Field, RefusalText.Of("Csv.TooLarge", ("bytes", bytes), ("maxBytes", maxBytes), ("maxMegabytes", maxBytes / (1024 * 1024))));
        }

        if (csv.Contains('\uFFFD', StringComparison.Ordinal))
        {
            throw new ValidationException(Field, RefusalText.Of("Csv.NotUtf8"));
        }

        var text = csv.TrimStart('\uFEFF');
        var separator = DetectSeparator(text);
        var records = CsvRecords.Parse(text, separator);
        if (records.Count == 0)
        {
            throw new ValidationException(Field, RefusalText.Of("Csv.Empty"));
        }

        if (records.Count - 1 > maxLines)
        {
            throw new ValidationException(Field, RefusalText.Of("Csv.TooManyLines", ("lines", records.Count - 1), ("max", maxLines)));
        }

        if (records.FirstOrDefault(r => r.UnclosedQuote) is { } unclosed)
        {
            throw new ValidationException(Field, RefusalText.Of("Csv.UnclosedQuote", ("line", unclosed.Line)));

        }

        return new CsvImportText(separator, records[0], records.Skip(1).ToList());
    }

    /// <summary>Excel writes semicolons where the decimal separator is a comma (Danish settings), commas elsewhere.</summary>
    public static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c is '\n' or '\r')
            {
                break;
            }
            else if (!inQuotes && c == ';')
            {
                semicolons++;
            }
            else if (!inQuotes && c == ',')
            {
                commas++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }
}
