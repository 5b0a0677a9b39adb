using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Csv;

namespace CrmAlliance.Api.Features.Exports;

/// <summary>One raw-row file: its columns (documented in ExportColumns.md) and its rows for a period, streamed.</summary>
public interface IRawRowTable
{
    /// <summary>The file's name without period and extension, e.g. <c>placements</c>.</summary>
    string Name { get; }

    IReadOnlyList<string> Columns { get; }

    /// <summary>True when its rows describe candidates (placements, outcomes): each download is recorded in the audit trail.</summary>
    bool HoldsCandidateData => false;

    /// <summary>The rows that belong to <paramref name="period"/>, one cell per column, read as a stream.</summary>
    IAsyncEnumerable<object?[]> RowsAsync(ReportPeriod period, CancellationToken cancellationToken);
}

/// <summary>
/// Managers (and Admins) export the raw rows behind the yield figures for a period, one CSV file per
/// table, so analysts can check any figure in their own tools. Citizens appear only by target group.
/// </summary>
public sealed class RawRowExports(IEnumerable<IRawRowTable> tables)
{
    public const string CommaSeparator = "comma";
    public const string SemicolonSeparator = "semicolon";

    /// <summary>Checks who asks and what, before a byte is written: refusals become the HTTP status.</summary>
    public RawRowExport Open(string table, string? period, string? separator, Actor? actor)
    {
        (actor ?? throw new UnauthenticatedException()).Require(Role.Manager, Role.Admin);
        var source = tables.FirstOrDefault(t => string.Equals(t.Name, table, StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException("Export", table, "table");
        var reportPeriod = ReportPeriod.Parse(period, "period");
        var separatorChar = separator?.Trim().ToLowerInvariant() switch
        {
            null or "" or CommaSeparator or "," => ',',
            SemicolonSeparator or ";" => ';',
            _ => throw new ValidationException("separator", RefusalText.Of("Exports.Separator", ("comma", CommaSeparator), ("semicolon", SemicolonSeparator))),

        };
        return new RawRowExport(source, reportPeriod, separatorChar);
    }
}

/// <summary>A checked export request, ready to stream.</summary>
public sealed class RawRowExport(IRawRowTable table, ReportPeriod period, char separator)
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>E.g. <c>placements-2025.csv</c>, <c>placements-2025-Q2.csv</c>, <c>placements-2025-01_2025-06.csv</c>.</summary>
    public bool HoldsCandidateData => table.HoldsCandidateData;

    /// <summary>What the audit trail records of the download: table, period and separator.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"export={table.Name} period={period.Label} separator={separator}");

    public string TableName => table.Name;

    public string FileName => string.Create(CultureInfo.InvariantCulture, $"{table.Name}-{period.Label.Replace("..", "_", StringComparison.Ordinal)}.csv");

    /// <summary>
    /// Writes the header and the rows as they are read: memory stays flat whatever the period. UTF-8 with a
    /// BOM, so Excel reads æ, ø and å right (see ExportColumns.md).
    /// </summary>
    public async Task<int> WriteAsync(Stream body, CancellationToken cancellationToken)
    {
        var rows = 0;
        await using var csv = new CsvExportWriter(body, separator, byteOrderMark: true);
        await csv.WriteRowAsync(table.Columns, cancellationToken);
        await foreach (var row in table.RowsAsync(period, cancellationToken))
        {
            await csv.WriteRowAsync(row, cancellationToken);
            rows++;
        }

        await csv.FlushAsync(cancellationToken);
        return rows;
    }
}
