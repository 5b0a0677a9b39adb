using CrmAlliance.Api.Infrastructure.Data.Bulk;
using Npgsql;

namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>
/// Rows for one aside table on PostgreSQL, streamed with binary <c>COPY</c> (one round trip for the whole batch, no
/// statement to parse) instead of multi-row <c>INSERT</c>s. Values are the stored values EF would write
/// (<see cref="BulkColumn.ProviderValue"/>), each typed by the column's store type. The copy ends at
/// <see cref="FlushAsync"/>; nothing else can use the connection before that.
/// </summary>
public sealed class PostgresCopyRows : IAsideRows
{
    private readonly NpgsqlBinaryImporter importer;
    private readonly IReadOnlyList<BulkColumn> columns;
    private bool completed;

    private PostgresCopyRows(NpgsqlBinaryImporter importer, IReadOnlyList<BulkColumn> columns) => (this.importer, this.columns) = (importer, columns);

    public static async Task<PostgresCopyRows> StartAsync(NpgsqlConnection connection, string tableSql, IReadOnlyList<string> quotedColumns, IReadOnlyList<BulkColumn> columns, CancellationToken cancellationToken)
        => new(await connection.BeginBinaryImportAsync($"COPY {tableSql} ({string.Join(", ", quotedColumns)}) FROM STDIN (FORMAT BINARY)", cancellationToken), columns);

    public async ValueTask AddAsync(object row, CancellationToken cancellationToken)
    {
        await importer.StartRowAsync(cancellationToken);
        foreach (var column in columns)
        {
            var value = column.ProviderValue(row);
            if (value is DBNull)
            {
                await importer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await importer.WriteAsync(value, column.Mapping.StoreType, cancellationToken);
            }
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!completed)
        {
            completed = true;
            await importer.CompleteAsync(cancellationToken);
        }
    }

    public void Dispose() => importer.Dispose();
}
