using System.Data;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Data.Bulk;
using Microsoft.Data.SqlClient;

namespace CrmAlliance.UnitTests.Infrastructure.Data;

/// <summary>
/// SQL Server's bulk copy on SQL Server's model (no server needed): the rows it sends and how their columns
/// map. Sending them needs a server, which this machine does not have.
/// </summary>
public sealed class BulkCopyTests
{
    private static IReadOnlyList<BulkColumn> CandidateColumns()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        return BulkColumns.For(db.Model.FindEntityType(typeof(Candidate))!).Columns;
    }

    private static Candidate NewCandidate(string reference, DateTimeOffset? withdrawnAt) => new()
    {
        CaseReference = reference,
        DisplayAlias = "Kandidat " + reference,
        TargetGroup = TargetGroup.NewGraduate,
        Skills = ["svejsning", "truckcertifikat"],
        EducationLevel = EducationLevel.Vocational,
        Postcode = "9000",
        AvailableFrom = new DateOnly(2026, 3, 1),
        WithdrawnAt = withdrawnAt,
    };

    [Fact]
    public void The_rows_hold_the_stored_values_as_the_insert_path_writes_them_column_by_column()
    {
        var columns = CandidateColumns();
        Candidate[] candidates = [NewCandidate("A-1", null), NewCandidate("A-2", new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero))];
        var values = candidates.SelectMany(c => columns.Select(column => column.ProviderValue(c))).Concat(new object[columns.Count]).ToArray();

        using var table = BulkCopy.Rows(columns, values, rows: 2);

        Assert.Equal(columns.Select(c => c.Name), table.Columns.Cast<DataColumn>().Select(c => c.ColumnName));
        Assert.Equal(2, table.Rows.Count);
        for (var r = 0; r < 2; r++)
        {
            Assert.Equal(columns.Select(c => c.ProviderValue(candidates[r])), table.Rows[r].ItemArray);
        }

        object Cell(int row, string name) => table.Rows[row][name];
        Assert.Equal(candidates[0].Id, Cell(0, nameof(Candidate.Id)));
        Assert.Equal(DBNull.Value, Cell(0, nameof(Candidate.WithdrawnAt)));
        Assert.Equal(candidates[1].WithdrawnAt, Cell(1, nameof(Candidate.WithdrawnAt)));
        Assert.Equal(new DateOnly(2026, 3, 1), Cell(0, nameof(Candidate.AvailableFrom)));
        Assert.IsType<string>(Cell(0, nameof(Candidate.Skills)));   // a JSON list, as EF stores it
        Assert.Contains("truckcertifikat", (string)Cell(0, nameof(Candidate.Skills)), StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_typed_as_the_stored_values_and_nullable_where_the_column_is()
    {
        var columns = CandidateColumns();

        using var table = BulkCopy.Rows(columns, [], rows: 0);
        DataColumn Column(string name) => table.Columns[name]!;

        Assert.Equal(typeof(Guid), Column(nameof(Candidate.Id)).DataType);
        Assert.Equal(typeof(DateTimeOffset), Column(nameof(Candidate.WithdrawnAt)).DataType);
        Assert.True(Column(nameof(Candidate.WithdrawnAt)).AllowDBNull);
        Assert.False(Column(nameof(Candidate.CaseReference)).AllowDBNull);
        Assert.Equal(typeof(int), Column(nameof(Candidate.Version)).DataType);
        Assert.All(columns, c => Assert.Equal(c.ProviderClrType, Column(c.Name).DataType));
    }

    [Fact]
    public void Every_column_is_mapped_by_name_into_the_delimited_table_inside_INSERTs_rules()
    {
        var columns = CandidateColumns();
        using var connection = new SqlConnection("Server=nowhere;Database=CrmAlliance;TrustServerCertificate=True");

        using var copy = BulkCopy.Create(connection, transaction: null, "[Candidates]", columns);

        Assert.Equal("[Candidates]", copy.DestinationTableName);
        var mappings = copy.ColumnMappings.Cast<SqlBulkCopyColumnMapping>().ToList();
        Assert.Equal(columns.Select(c => c.Name), mappings.Select(m => m.SourceColumn));
        Assert.Equal(columns.Select(c => c.Name), mappings.Select(m => m.DestinationColumn));
        Assert.Equal(SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.FireTriggers | SqlBulkCopyOptions.KeepNulls, BulkCopy.Options);
    }
}
