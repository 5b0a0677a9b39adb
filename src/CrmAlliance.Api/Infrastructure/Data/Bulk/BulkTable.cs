using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace CrmAlliance.Api.Infrastructure.Data.Bulk;

/// <summary>
/// Inserts rows into one table with prepared, parameterised INSERT commands on a given connection and
/// transaction. Rows wait in a batch of stored values; a full batch is written at once, with as many rows per
/// statement as the provider does best with (a power of two, so a partial flush needs at most a handful of
/// commands, each prepared once). The tables this one references (<see cref="Parents"/>) are flushed first, so
/// foreign keys hold at every statement on any provider. On SQL Server a batch is sent with SqlBulkCopy instead
/// (<see cref="BulkCopy"/>), in the same transaction; on SQLite with SQLite's own statement API where every
/// column's type allows (<see cref="SqliteDirectInsert"/>).
/// </summary>
public sealed class BulkTable : IDisposable
{
    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly string tableSql;
    private readonly string columnsSql;
    private readonly IReadOnlyList<BulkColumn> columns;
    private readonly int batchRows;
    private readonly int statementRows;
    private readonly Dictionary<int, DbCommand> commands = [];
    private readonly object[] pending;
    private readonly bool unboundedSize;
    private readonly bool direct;
    private SqliteDirectInsert? directInsert;
    private int pendingRows;

    /// <param name="maxParameters">The most parameters one statement may have.</param>
    /// <param name="maxStatementRows">The most rows one statement should insert.</param>
    /// <param name="unboundedSize">Give parameters of unbounded text or binary columns size -1 (SQL Server).</param>
    public BulkTable(string label, DbConnection connection, DbTransaction transaction, string tableSql, IReadOnlyList<string> quotedColumns, IReadOnlyList<BulkColumn> columns, int maxParameters, int maxStatementRows, bool unboundedSize = false)
    {
        this.unboundedSize = unboundedSize;
        Label = label;
        this.connection = connection;
        this.transaction = transaction;
        this.tableSql = tableSql;
        this.columns = columns;
        columnsSql = string.Join(", ", quotedColumns);
        statementRows = 1;
        while ((long)statementRows * 2 * columns.Count <= maxParameters && statementRows * 2 <= maxStatementRows)
        {
            statementRows *= 2;
        }

        batchRows = Math.Max(BatchRows, statementRows);
        direct = connection is SqliteConnection && SqliteDirectInsert.Supports(columns);
        pending = new object[batchRows * columns.Count];
    }

    /// <summary>Rows kept before they are written (when no child table needs them earlier).</summary>
    public const int BatchRows = 256;

    /// <summary>The table's name in progress reports and counts.</summary>
    public string Label { get; }

    /// <summary>Tables this one references: flushed before any of this table's rows are written.</summary>
    public List<BulkTable> Parents { get; } = [];

    /// <summary>Rows sent to the database so far (not counting those still waiting in the batch).</summary>
    public long Written { get; private set; }

    /// <summary>Called after each executed batch with the table and its <see cref="Written"/> count.</summary>
    public Action<BulkTable>? Flushed { get; set; }

    public async ValueTask AddAsync(object entity, CancellationToken cancellationToken)
    {
        if (direct)
        {
            // The direct insert reads the entities themselves when the batch is written.
            pending[pendingRows] = entity;
        }
        else
        {
            var offset = pendingRows * columns.Count;
            for (var i = 0; i < columns.Count; i++)
            {
                pending[offset + i] = columns[i].ProviderValue(entity);
            }
        }

        if (++pendingRows == batchRows)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes the rows waiting in the batch (after the parents' rows).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pendingRows == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var parent in Parents)
        {
            await parent.FlushAsync(cancellationToken);
        }

        if (connection is SqlConnection sqlServer)
        {
            await BulkCopy.WriteAsync(sqlServer, (SqlTransaction)transaction, tableSql, columns, pending, pendingRows, cancellationToken);
            Done();
            return;
        }

        if (direct)
        {
            directInsert ??= new SqliteDirectInsert((SqliteConnection)connection, $"INSERT INTO {tableSql} ({columnsSql}) VALUES ({string.Join(", ", columns.Select(_ => "?"))});", columns);
            directInsert.Write(pending, pendingRows);
            Done();
            return;
        }

        // Full statements first, then the rest in powers of two (e.g. 100 rows = 64 + 32 + 4).
        var row = 0;
        for (var size = statementRows; size >= 1; size /= 2)
        {
            while (pendingRows - row >= size)
            {
                var command = CommandFor(size);
                var first = row * columns.Count;
                for (var i = 0; i < size * columns.Count; i++)
                {
                    command.Parameters[i].Value = pending[first + i];
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                row += size;
            }
        }

        Done();
    }

    private void Done()
    {
        Written += pendingRows;
        Array.Clear(pending, 0, direct ? pendingRows : pendingRows * columns.Count);
        pendingRows = 0;
        Flushed?.Invoke(this);
    }

    public void Dispose()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
        directInsert?.Dispose();
        directInsert = null;
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Table and column names come from EF's model; every value is a parameter.")]
    private DbCommand CommandFor(int rows)
    {
        if (commands.TryGetValue(rows, out var cached))
        {
            return cached;
        }

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO {tableSql} ({columnsSql}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{(r * columns.Count) + c}";
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = columns[c].Mapping.CreateParameter(command, name, null, columns[c].Nullable);
                if (unboundedSize && columns[c].IsUnboundedText)
                {
                    // Created without a value, SqlClient's parameter would get a 4,000-character size and cut
                    // longer values (an nvarchar(max) column, a JSON list) without an error.
                    parameter.Size = -1;
                }

                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(';').ToString();
        command.Prepare();
        commands[rows] = command;
        return command;
    }
}
