using CrmAlliance.DataGeneration;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.DataGeneration;

public sealed class SeedCancellationTests
{
    [Fact]
    public async Task A_run_cancelled_after_placements_were_written_leaves_no_generated_row_and_the_database_usable()
    {
        using var factory = new CrmApiFactory();
        await using var before = factory.NewDbContext();
        var indexes = await SeedScenario.IndexNamesAsync(before);
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelAfterRows(cancellation, "Placements", 1_000);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => factory.SeedAsync(new SeedOptions(100, 5_000, 5, new DateOnly(2026, 6, 30), 3), progress, cancellation.Token));

        Assert.True(progress.WrittenWhenCancelled >= 1_000, "placements had reached the database before the run was cancelled");
        await using var after = factory.NewDbContext();
        Assert.All(await SeedScenario.CountsAsync(after), count => Assert.Equal(0, count.Value));
        Assert.Equal(indexes, await SeedScenario.IndexNamesAsync(after));
        Assert.Equal("wal", await SeedScenario.TextAsync(after, "PRAGMA journal_mode"));

        // Nothing was left behind that stops the next run.
        var result = await factory.SeedAsync(new SeedOptions(10, 100, 5, new DateOnly(2026, 6, 30), 1));
        Assert.Equal(100, result.RowsWritten["Placements"]);
    }

    /// <summary>Cancels the run once a table has this many rows in the database (the terminal's Ctrl+C does the same).</summary>
    private sealed class CancelAfterRows(CancellationTokenSource cancellation, string table, long rows) : ISeedProgress
    {
        public long WrittenWhenCancelled { get; private set; }

        public void PhaseStarted(string phase, long total)
        {
        }

        public void Advanced(long count)
        {
        }

        public void PhaseCompleted()
        {
        }

        public void RowsWritten(string table1, long rowsWritten)
        {
            if (table1 == table && rowsWritten >= rows && !cancellation.IsCancellationRequested)
            {
                WrittenWhenCancelled = rowsWritten;
                cancellation.Cancel();
            }
        }
    }
}
