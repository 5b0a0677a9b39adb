using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace CrmAlliance.DataGeneration.Writing;

/// <summary>
/// SQLite keeps every index up to date row by row; with random keys that means a random page per index per row.
/// Dropping a table's secondary indexes before a bulk load and creating them again afterwards (one sort each) is
/// several times faster. Both happen inside the load's transaction, so a rollback brings the indexes back too.
/// The statements come from sqlite_master, so the indexes are re-created exactly as the migrations made them.
/// </summary>
public sealed class SqliteIndexes
{
    private readonly List<(string Name, string Sql)> dropped = [];

    public int Count => dropped.Count;

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Index names and statements are SQLite's own, read from sqlite_master.")]
    public async Task DropAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> tables, CancellationToken cancellationToken)
    {
        var names = tables.ToList();
        await using (var query = connection.CreateCommand())
        {
            query.Transaction = transaction;
            var parameters = names.Select((table, i) =>
            {
                var parameter = query.CreateParameter();
                parameter.ParameterName = $"@t{i}";
                parameter.Value = table;
                query.Parameters.Add(parameter);
                return parameter.ParameterName;
            }).ToList();
            query.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", parameters)}) ORDER BY name";
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                dropped.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in dropped)
        {
            await using var drop = connection.CreateCommand();
            drop.Transaction = transaction;
            drop.CommandText = $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Creates the dropped indexes again; <paramref name="created"/> is called after each.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "The statements are SQLite's own, read from sqlite_master.")]
    public async Task CreateAsync(DbConnection connection, DbTransaction transaction, Action created, CancellationToken cancellationToken)
    {
        foreach (var (_, sql) in dropped)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = sql;
            create.CommandTimeout = 0;
            await create.ExecuteNonQueryAsync(cancellationToken);
            created();
        }
    }
}
