using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CrmAlliance.Api.Infrastructure.Data.Bulk;

/// <summary>
/// Inserts rows on SQLite through SQLite's own statement API, binding values by position. Microsoft.Data.Sqlite
/// looks every parameter up by name on each execution: a yield cell (31 columns) cost about 16 µs to insert that
/// way, several times what SQLite itself spends on it, and the read-model rebuild writes millions of them.
/// Values are bound exactly as Microsoft.Data.Sqlite binds them (text for a GUID in upper case, a date as
/// yyyy-MM-dd, booleans as 0/1); a table with a column of another type is written the usual way, which <c>SqliteDirectInsertTests</c> checks value by value against EF's own rows.
/// </summary>
public sealed class SqliteDirectInsert : IDisposable
{
    private static readonly HashSet<Type> Bindable =
        [typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long),
         typeof(double), typeof(string), typeof(Guid), typeof(DateOnly)];

    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private readonly int columnCount;

    public SqliteDirectInsert(SqliteConnection connection, string insertOneRowSql, int columnCount)
    {
        database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        this.columnCount = columnCount;
        var result = raw.sqlite3_prepare_v2(database, insertOneRowSql, out statement);
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }

    /// <summary>Whether every column's stored value is of a type this binds as Microsoft.Data.Sqlite does.</summary>
    public static bool Supports(IEnumerable<BulkColumn> columns) => columns.All(c => Bindable.Contains(c.ProviderClrType));

    /// <summary>Inserts <paramref name="rows"/> rows whose values lie one row after another in <paramref name="values"/>.</summary>
    public void Write(object[] values, int rows)
    {
        for (var row = 0; row < rows; row++)
        {
            var first = row * columnCount;
            for (var column = 0; column < columnCount; column++)
            {
                Check(Bind(column + 1, values[first + column]));
            }

            var stepped = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (stepped != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(stepped, database);
            }
        }
    }

    public void Dispose() => statement.Dispose();

    private int Bind(int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        long v => raw.sqlite3_bind_int64(statement, index, v),
        int v => raw.sqlite3_bind_int64(statement, index, v),
        string v => raw.sqlite3_bind_text(statement, index, v),
        Guid v => raw.sqlite3_bind_text(statement, index, v.ToString().ToUpperInvariant()),
        DateOnly v => raw.sqlite3_bind_text(statement, index, v.ToString("yyyy\\-MM\\-dd", CultureInfo.InvariantCulture)),
        bool v => raw.sqlite3_bind_int64(statement, index, v ? 1 : 0),
        double v => raw.sqlite3_bind_double(statement, index, v),
        short v => raw.sqlite3_bind_int64(statement, index, v),
        byte v => raw.sqlite3_bind_int64(statement, index, v),
        sbyte v => raw.sqlite3_bind_int64(statement, index, v),
        ushort v => raw.sqlite3_bind_int64(statement, index, v),
        uint v => raw.sqlite3_bind_int64(statement, index, v),
        _ => throw new NotSupportedException($"The direct SQLite insert does not bind {value.GetType().Name} values."),
    };

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }
}
