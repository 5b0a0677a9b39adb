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
    public static IEnumerable<string[]> Parse(string text, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
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
                    yield return fields.ToArray();
                }

                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
