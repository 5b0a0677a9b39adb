using CrmAlliance.Api.Infrastructure.Commands;

namespace CrmAlliance.UnitTests.Infrastructure.Commands;

public sealed class TerminalProgressTests
{
    [Fact]
    public void The_first_advance_prints_a_line_and_the_last_one_the_elapsed_time()
    {
        using var output = new StringWriter();
        var progress = new TerminalProgress("placements", 1_000, output, interactive: false);

        progress.Advance(250);
        progress.Advance(250);
        progress.Complete();

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("placements: 250/1,000 (25.0 %)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("placements: 500/1,000 (50.0 %)", lines[1], StringComparison.Ordinal);
        Assert.Contains(" in ", lines[1], StringComparison.Ordinal);
    }
}
