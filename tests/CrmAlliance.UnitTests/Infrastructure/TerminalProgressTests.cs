using CrmAlliance.Api.Infrastructure.Commands;

namespace CrmAlliance.UnitTests.Infrastructure;

public sealed class TerminalProgressTests
{
    [Fact]
    public void The_first_step_is_printed_at_once_and_the_last_with_the_elapsed_time()
    {
        var output = new StringWriter();
        var progress = new TerminalProgress("outcomes written", 2_000, output, interactive: false);

        progress.Advance(1_000);
        progress.Advance(1_000);
        progress.Complete();

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("outcomes written: 1,000/2,000 (50.0 %)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("outcomes written: 2,000/2,000 (100.0 %)", lines[1], StringComparison.Ordinal);
        Assert.Contains(" in ", lines[1], StringComparison.Ordinal);
    }
}
