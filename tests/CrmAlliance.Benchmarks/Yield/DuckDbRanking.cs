using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>
/// The columnar baseline: the raw rows the ranking needs (six tables, only their columns the ranking reads) exported
/// from the SQLite file to CSV once, then loaded into an in-memory DuckDB database (timed: <see cref="LoadAsync"/>)
/// and ranked there with the same SQL as on SQLite (<see cref="RankingSql.DuckDb"/>, timed per query).
/// </summary>
public sealed class DuckDbRanking : IDisposable
{
    private static readonly (string Table, string Columns, string Types)[] Tables =
    [
        ("Vacancies", "CompanyId, PublishedAt, Positions", "'CompanyId': 'VARCHAR', 'PublishedAt': 'BIGINT', 'Positions': 'INTEGER'"),
        ("Placements", "Id, CandidateId, CompanyId, ActualStart, ActualEnd, Status", "'Id': 'VARCHAR', 'CandidateId': 'VARCHAR', 'CompanyId': 'VARCHAR', 'ActualStart': 'DATE', 'ActualEnd': 'DATE', 'Status': 'VARCHAR'"),
        ("Candidates", "Id, TargetGroup", "'Id': 'VARCHAR', 'TargetGroup': 'VARCHAR'"),
        ("Outcomes", "PlacementId, MonthsAfterEnd, EndResult, SelfSupporting", "'PlacementId': 'VARCHAR', 'MonthsAfterEnd': 'INTEGER', 'EndResult': 'VARCHAR', 'SelfSupporting': 'INTEGER'"),
        ("Workplaces", "CompanyId, OrdinaryEmployees", "'CompanyId': 'VARCHAR', 'OrdinaryEmployees': 'INTEGER'"),
        ("Companies", "Id, Name, MembershipStatus, JoinedOn", "'Id': 'VARCHAR', 'Name': 'VARCHAR', 'MembershipStatus': 'VARCHAR', 'JoinedOn': 'DATE'"),
    ];

    private readonly DuckDBConnection connection = new("Data Source=:memory:");

    /// <summary>Rows loaded into DuckDB.</summary>
    public long Rows { get; private set; }

    /// <summary>Writes the six tables' columns from the SQLite file to CSV files in <paramref name="folder"/> (not part of any timing).</summary>
    public static async Task<long> ExportAsync(string database, string folder)
    {
        Directory.CreateDirectory(folder);
        await using var sqlite = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await sqlite.OpenAsync();
        long rows = 0;
        foreach (var (table, columns, _) in Tables)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = $"SELECT {columns} FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            await using var csv = new StreamWriter(Path.Combine(folder, table + ".csv"), false, new UTF8Encoding(false), 1 << 20);
            await csv.WriteLineAsync(columns.Replace(" ", string.Empty, StringComparison.Ordinal));
            var line = new StringBuilder();
            while (await reader.ReadAsync())
            {
                line.Clear();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    line.Append(i == 0 ? string.Empty : ",").Append(reader.IsDBNull(i) ? string.Empty : Quoted(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!));
                }

                await csv.WriteLineAsync(line);
                rows++;
            }
        }

        return rows;
    }

    /// <summary>Loads the CSV files into in-memory tables (DuckDB reads them in parallel).</summary>
    public async Task<TimeSpan> LoadAsync(string folder)
    {
        var clock = Stopwatch.StartNew();
        await connection.OpenAsync();
        Rows = 0;
        foreach (var (table, _, types) in Tables)
        {
            var file = Path.Combine(folder, table + ".csv").Replace("'", "''", StringComparison.Ordinal);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE OR REPLACE TABLE {table} AS SELECT * FROM read_csv('{file}', header = true, columns = {{{types}}})";
            await command.ExecuteNonQueryAsync();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            Rows += Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return clock.Elapsed;
    }

    public async Task<List<BaselineRow>> RankAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<BaselineRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new BaselineRow(Guid.Parse(reader.GetString(0)), reader.GetString(1), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    public void Dispose() => connection.Dispose();

    private static string Quoted(string value)
        => value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
