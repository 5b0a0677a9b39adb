using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CrmAlliance.Api.Infrastructure.Data.Bulk;

/// <summary>
/// Inserts rows on SQLite through SQLite's own statement API, binding values by position. Microsoft.Data.Sqlite
/// looks every parameter up by name on each execution, and the bulk writer boxed every value on its way there: a
/// yield cell (31 columns) cost several times what SQLite itself spends on it, and the read-model rebuild writes
/// millions of them. A plain property of a supported type is read and bound by compiled code, without boxing.
/// Values are bound exactly as Microsoft.Data.Sqlite binds them (text for a GUID in upper case, a date as
/// yyyy-MM-dd, booleans as 0/1), which <c>SqliteDirectInsertTests</c> checks value by value against EF's own rows;
/// a table with a column of another type is written the usual way.
/// </summary>
public sealed class SqliteDirectInsert : IDisposable
{
    private static readonly HashSet<Type> Bindable =
        [typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long),
         typeof(double), typeof(string), typeof(Guid), typeof(DateOnly)];

    // Compiled once per property: the rebuild opens a writer per table for each of its short transactions.
    private static readonly ConcurrentDictionary<PropertyInfo, Func<object, sqlite3_stmt, int, int>?> PlainBinders = new();

    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private readonly Func<object, sqlite3_stmt, int, int>[] binders;

    public SqliteDirectInsert(SqliteConnection connection, string insertOneRowSql, IReadOnlyList<BulkColumn> columns)
    {
        database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        binders = columns.Select(BinderFor).ToArray();
        var result = raw.sqlite3_prepare_v2(database, insertOneRowSql, out statement);
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }

    /// <summary>Whether every column's stored value is of a type this binds as Microsoft.Data.Sqlite does.</summary>
    public static bool Supports(IEnumerable<BulkColumn> columns) => columns.All(c => Bindable.Contains(c.ProviderClrType));

    /// <summary>Inserts the first <paramref name="count"/> entities, one statement each.</summary>
    public void Write(object[] entities, int count)
    {
        for (var row = 0; row < count; row++)
        {
            var entity = entities[row];
            for (var column = 0; column < binders.Length; column++)
            {
                var bound = binders[column](entity, statement, column + 1);
                if (bound != raw.SQLITE_OK)
                {
                    SqliteException.ThrowExceptionForRC(bound, database);
                }
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

    private static Func<object, sqlite3_stmt, int, int> BinderFor(BulkColumn column)
        => (column.PlainProperty is { } plain ? PlainBinders.GetOrAdd(plain, PlainBinder) : null)
            ?? ((entity, statement, index) => BindStored(statement, index, column.ProviderValue(entity)));

    /// <summary>Reads the property and binds it without boxing, if there is a <c>Bind</c> for its type.</summary>
    private static Func<object, sqlite3_stmt, int, int>? PlainBinder(PropertyInfo property)
    {
        var bind = typeof(SqliteDirectInsert).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static, [typeof(sqlite3_stmt), typeof(int), property.PropertyType]);
        if (bind is null)
        {
            return null;
        }

        var entityParameter = Expression.Parameter(typeof(object), "entity");
        var statementParameter = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var indexParameter = Expression.Parameter(typeof(int), "index");
        var value = Expression.Property(Expression.Convert(entityParameter, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, sqlite3_stmt, int, int>>(Expression.Call(bind, statementParameter, indexParameter, value), entityParameter, statementParameter, indexParameter).Compile();
    }

    private static int BindStored(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        long v => Bind(statement, index, v),
        int v => Bind(statement, index, v),
        string v => Bind(statement, index, v),
        Guid v => Bind(statement, index, v),
        DateOnly v => Bind(statement, index, v),
        bool v => Bind(statement, index, v),
        double v => Bind(statement, index, v),
        short v => Bind(statement, index, v),
        byte v => Bind(statement, index, v),
        sbyte v => Bind(statement, index, v),
        ushort v => Bind(statement, index, v),
        uint v => Bind(statement, index, v),
        _ => throw new NotSupportedException($"The direct SQLite insert does not bind {value.GetType().Name} values."),
    };

    private static int Bind(sqlite3_stmt statement, int index, long value) => raw.sqlite3_bind_int64(statement, index, value);

    private static int Bind(sqlite3_stmt statement, int index, long? value) => value is { } v ? Bind(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int Bind(sqlite3_stmt statement, int index, int value) => raw.sqlite3_bind_int64(statement, index, value);

    private static int Bind(sqlite3_stmt statement, int index, int? value) => value is { } v ? Bind(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int Bind(sqlite3_stmt statement, int index, bool value) => raw.sqlite3_bind_int64(statement, index, value ? 1 : 0);

    private static int Bind(sqlite3_stmt statement, int index, bool? value) => value is { } v ? Bind(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int Bind(sqlite3_stmt statement, int index, double value) => raw.sqlite3_bind_double(statement, index, value);

    private static int Bind(sqlite3_stmt statement, int index, double? value) => value is { } v ? Bind(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int Bind(sqlite3_stmt statement, int index, string? value) => value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text16(statement, index, value.AsSpan());

    private static int Bind(sqlite3_stmt statement, int index, Guid value)
    {
        Span<char> text = stackalloc char[36];
        value.TryFormat(text, out _);
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = char.ToUpperInvariant(text[i]);
        }

        return raw.sqlite3_bind_text16(statement, index, text);
    }

    private static int Bind(sqlite3_stmt statement, int index, Guid? value) => value is { } v ? Bind(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int Bind(sqlite3_stmt statement, int index, DateOnly value)
    {
        Span<char> text = stackalloc char[10];
        value.TryFormat(text, out _, "yyyy\\-MM\\-dd", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text16(statement, index, text);
    }

    private static int Bind(sqlite3_stmt statement, int index, DateOnly? value) => value is { } v ? Bind(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int Bind(sqlite3_stmt statement, int index, short value) => raw.sqlite3_bind_int64(statement, index, value);

    private static int Bind(sqlite3_stmt statement, int index, byte value) => raw.sqlite3_bind_int64(statement, index, value);

    private static int Bind(sqlite3_stmt statement, int index, sbyte value) => raw.sqlite3_bind_int64(statement, index, value);

    private static int Bind(sqlite3_stmt statement, int index, ushort value) => raw.sqlite3_bind_int64(statement, index, value);

    private static int Bind(sqlite3_stmt statement, int index, uint value) => raw.sqlite3_bind_int64(statement, index, value);
}
