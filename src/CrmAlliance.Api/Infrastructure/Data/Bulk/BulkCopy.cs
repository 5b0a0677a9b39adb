using System.Data;
using Microsoft.Data.SqlClient;

namespace CrmAlliance.Api.Infrastructure.Data.Bulk;

/// <summary>
/// SQL Server's path of <see cref="BulkTable"/>: a batch of stored values goes to the server with
/// <see cref="SqlBulkCopy"/>, on the context's connection and inside its transaction. Columns are mapped by
/// name, from the same column list the INSERT path writes, and the options keep INSERT's rules: foreign keys
/// and checks are enforced, triggers fire, and a null is stored as null (not as the column's default).
/// </summary>
public static class BulkCopy
{
    public const SqlBulkCopyOptions Options = SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.FireTriggers | SqlBulkCopyOptions.KeepNulls;

    /// <summary>The first <paramref name="rows"/> rows of <paramref name="values"/> (row after row, a value per column) as a table whose columns are named and typed as the stored values.</summary>
    public static DataTable Rows(IReadOnlyList<BulkColumn> columns, object[] values, int rows)
    {
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            table.Columns.Add(new DataColumn(column.Name, column.ProviderClrType) { AllowDBNull = column.Nullable });
        }

        var row = new object[columns.Count];
        for (var r = 0; r < rows; r++)
        {
            Array.Copy(values, r * columns.Count, row, 0, columns.Count);
            table.Rows.Add(row);
        }

        return table;
    }

    /// <summary>A bulk copy into <paramref name="tableSql"/> (the delimited table name) with a mapping by name for every column.</summary>
    public static SqlBulkCopy Create(SqlConnection connection, SqlTransaction? transaction, string tableSql, IReadOnlyList<BulkColumn> columns)
    {
        var copy = new SqlBulkCopy(connection, Options, transaction) { DestinationTableName = tableSql };
        foreach (var column in columns)
        {
            copy.ColumnMappings.Add(column.Name, column.Name);
        }

        return copy;
    }

    public static async Task WriteAsync(SqlConnection connection, SqlTransaction? transaction, string tableSql, IReadOnlyList<BulkColumn> columns, object[] values, int rows, CancellationToken cancellationToken)
    {
        using var copy = Create(connection, transaction, tableSql, columns);
        copy.BatchSize = rows;
        using var table = Rows(columns, values, rows);
        await copy.WriteToServerAsync(table, cancellationToken);
    }
}
