using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Data.Bulk;

namespace CrmAlliance.IntegrationTests.DataGeneration;

/// <summary>The bulk writer's columns on SQL Server's model (no server needed to build the model).</summary>
public sealed class BulkColumnsTests
{
    [Fact]
    public void Unbounded_text_columns_are_known_so_their_parameters_are_not_cut_at_4000_characters()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var (_, _, columns) = BulkColumns.For(db.Model.FindEntityType(typeof(Candidate))!);
        bool Unbounded(string name) => columns.Single(c => c.Name == name).IsUnboundedText;

        Assert.True(Unbounded(nameof(Candidate.Skills)));            // a JSON list: nvarchar(max)
        Assert.False(Unbounded(nameof(Candidate.WithdrawalReason)));  // nvarchar(500)
        Assert.False(Unbounded(nameof(Candidate.Version)));           // a number
    }
}
