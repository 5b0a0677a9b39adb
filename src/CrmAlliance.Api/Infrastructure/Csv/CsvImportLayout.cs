using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Infrastructure.Csv;

/// <summary>One column of an import file: its name, a Danish heading accepted in its place, and whether the header must have it.</summary>
public sealed record CsvImportColumn(string Name, string DanishHeading, bool Required);

/// <summary>
/// The columns an import file may have, and how a header and a line are read against them: headings in
/// any order, by name or Danish heading, ignoring case, spaces, hyphens, underscores and dots. An unknown
/// heading refuses the file, so a typo cannot drop a column silently (nor a CPR column be read).
/// </summary>
public sealed class CsvImportLayout
{
    private const string Field = "csv";

    private readonly Dictionary<string, CsvImportColumn> byHeading;

    public CsvImportLayout(IReadOnlyList<CsvImportColumn> columns)
    {
        Columns = columns;
        byHeading = columns
            .SelectMany(c => new[] { (Key: Normalise(c.Name), Column: c), (Key: Normalise(c.DanishHeading), Column: c) })
            .ToDictionary(x => x.Key, x => x.Column);
    }

    public IReadOnlyList<CsvImportColumn> Columns { get; }

    /// <summary>Upper case without spaces, hyphens, underscores and dots: how headings (and named values) are compared.</summary>
    public static string Normalise(string text)
        => new(text.Trim().ToUpperInvariant().Where(c => c is not (' ' or '-' or '_' or '.')).ToArray());

    /// <summary>The column a heading names; null if unknown.</summary>
    public CsvImportColumn? Find(string heading) => byHeading.GetValueOrDefault(Normalise(heading));

    /// <summary>Where the column stands in the layout, to report a line's errors in column order (-1 for <c>line</c>, first).</summary>
    public int Position(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The column of each heading (null for a blank heading). Unknown and repeated headings and missing
    /// required columns are one <see cref="ValidationException"/> on <c>csv</c>, listing every problem.
    /// </summary>
    public CsvImportColumn?[] ReadHeader(string[] headings)
    {
        var problems = new Validator();
        var columns = headings.Select(h => string.IsNullOrWhiteSpace(h) ? null : Find(h)).ToArray();
        for (var i = 0; i < headings.Length; i++)
        {
            problems.Check(columns[i] is not null || string.IsNullOrWhiteSpace(headings[i]), Field, RefusalText.Of("Csv.UnknownColumn", ("position", i + 1), ("heading", headings[i].Trim())));
        }

        var present = columns.OfType<CsvImportColumn>().ToList();
        foreach (var duplicate in present.GroupBy(c => c.Name).Where(g => g.Count() > 1))
        {
            problems.Add(Field, RefusalText.Of("Csv.DuplicateColumn", ("column", duplicate.Key), ("count", duplicate.Count())));
        }

        foreach (var missing in Columns.Where(c => c.Required && !present.Contains(c)))
        {
            problems.Add(Field, RefusalText.Of("Csv.MissingColumn", ("column", missing.Name), ("danishHeading", missing.DanishHeading)));

        }

        problems.ThrowIfInvalid();
        return columns;
    }

    /// <summary>A line's trimmed cells by column name, and how many non-blank cells stand beyond the header's columns.</summary>
    public static (Dictionary<string, string> Cells, int ExtraCells) ReadCells(CsvRecord record, CsvImportColumn?[] columns)
    {
        var cells = new Dictionary<string, string>();
        var extra = 0;
        for (var i = 0; i < record.Fields.Length; i++)
        {
            var value = record.Fields[i].Trim();
            if (i < columns.Length && columns[i] is { } column)
            {
                cells[column.Name] = value;
            }
            else if (value.Length > 0)
            {
                extra++;
            }
        }

        return (cells, extra);
    }
}
