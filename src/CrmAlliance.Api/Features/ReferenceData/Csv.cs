using System.Text;

namespace CrmAlliance.Api.Features.ReferenceData;

/// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, commas or semicolons.</summary>
public static class Csv
{
    /// <summary>Reads an embedded reference file, skipping its header row.</summary>
    public static IEnumerable<string[]> Read(string embeddedName)
    {
        using var stream = typeof(Csv).Assembly.GetManifestResourceStream("ReferenceData." + embeddedName)
            ?? throw new InvalidOperationException($"Reference data {embeddedName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), ',').Skip(1).ToList();
    }

    /// <summary>Splits CSV text into records; blank lines are skipped.</summary>
    public static IEnumerable<string[]> Parse(string text, char separator) => ParseRecords(text, separator).Select(r => r.Fields);

    /// <summary>
    /// Splits CSV text into records, each with the line it starts on (a quoted field may span lines);
    /// blank lines are skipped. A record whose quoted field is never closed is marked, so an import can refuse it.
    /// </summary>
    public static IEnumerable<CsvRecord> ParseRecords(string text, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Length > 0)
                {
                    yield return new CsvRecord(recordLine, fields.ToArray(), UnclosedQuote: false);
                }

                fields.Clear();
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0 || inQuotes)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields.ToArray(), inQuotes);
        }
    }
}

/// <summary>One CSV record: the line it starts on (1-based) and its fields.</summary>
public sealed record CsvRecord(int Line, string[] Fields, bool UnclosedQuote);
