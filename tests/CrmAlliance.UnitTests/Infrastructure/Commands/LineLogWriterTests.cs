using CrmAlliance.Api.Infrastructure.Commands;

namespace CrmAlliance.UnitTests.Infrastructure.Commands;

public sealed class LineLogWriterTests
{
    [Fact]
    public void Each_completed_line_is_logged_once_whatever_the_line_end()
    {
        var logged = new List<string>();
        using (var writer = new LineLogWriter(logged.Add))
        {
            writer.Write("placements: 250/1,000");
            writer.Write(" (25.0 %)\r\n");
            writer.WriteLine("placements: 1,000/1,000 (100.0 %) in 2.0 s");
            writer.Write("\n");
            writer.Write("unfinished");
        }

        Assert.Equal(["placements: 250/1,000 (25.0 %)", "placements: 1,000/1,000 (100.0 %) in 2.0 s", "unfinished"], logged);
    }

    [Fact]
    public void Terminal_progress_reaches_the_log_as_lines()
    {
        var logged = new List<string>();
        using var writer = new LineLogWriter(logged.Add);
        var progress = new TerminalProgress("placements", 4, writer);

        progress.Advance(2);
        progress.Complete();

        Assert.Equal(2, logged.Count);
        Assert.StartsWith("placements: 2/4 (50.0 %)", logged[0], StringComparison.Ordinal);
        Assert.Contains(" in ", logged[1], StringComparison.Ordinal);
    }
}
