using System.Globalization;
using CsvHelper;

namespace CrmAlliance.Api.Infrastructure.Csv;

/// <summary>
/// Writes RFC 4180 CSV for analysts' tools with CsvHelper: CRLF line ends, a cell quoted when it holds the
/// separator, a quote or a line break (quotes doubled), values as <see cref="CsvCell.Format"/> writes them.
/// Rows are buffered and written out as the buffer fills; <see cref="FlushAsync"/> (or disposing) writes the rest.
/// </summary>
public sealed class CsvExportWriter : IDisposable, IAsyncDisposable
{
    private readonly CsvWriter csv;

    /// <summary>Writes UTF-8 to <paramref name="output"/>, after a byte order mark if <paramref name="byteOrderMark"/>; the stream is left open.</summary>
    public CsvExportWriter(Stream output, char separator = ',', bool byteOrderMark = false)
        => csv = CsvWriter.Create(output, Options(separator) with { WriteByteOrderMark = byteOrderMark }, leaveOpen: true);

    /// <summary>Writes to <paramref name="output"/>, which is left open.</summary>
    public CsvExportWriter(TextWriter output, char separator = ',')
        => csv = CsvWriter.Create(output, Options(separator), leaveOpen: true);

    /// <summary>
    /// Quotes only where RFC 4180 needs it. Formulas are neutralised by <see cref="CsvCell.Format"/> rather
    /// than by CsvHelper's injection option, which also quotes the cell it escapes. Rows may differ in length.
    /// </summary>
    public static CsvWriterOptions Options(char separator) => new()
    {
        Mode = CsvMode.Rfc4180,
        Separator = separator,
        NewLine = "\r\n",
        Quoting = CsvQuoting.WhenNeeded,
        Injection = CsvInjection.None,
        ValidateFieldCount = false,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>A cell as it stands in a file: quoted, with quotes doubled, when it holds the separator, a quote or a line break.</summary>
    public static string Quote(string cell, char separator)
    {
        if (cell.Length == 0)
        {
            return cell;
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvExportWriter(text, separator))
        {
            csv.WriteTextRow([cell]);
        }

        return text.ToString()[..^2];
    }

    /// <summary>A row of values, each formatted by <see cref="CsvCell.Format"/> (text that starts like a formula neutralised).</summary>
    public async Task WriteRowAsync(IReadOnlyList<object?> cells, CancellationToken cancellationToken = default)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(CsvCell.Format(cell));
        }

        await csv.EndRecordAsync(cancellationToken);
    }

    /// <summary>A row of cells written as they are, only quoted where needed.</summary>
    public void WriteTextRow(IEnumerable<string> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(cell);
        }

        csv.EndRecord();
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => csv.FlushAsync(cancellationToken);

    public void Dispose() => csv.Dispose();

    public ValueTask DisposeAsync() => csv.DisposeAsync();
}
