using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.DataGeneration;

namespace CrmAlliance.UnitTests.DataGeneration;

public sealed class SeedOptionsTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void Without_options_the_history_is_five_years_to_the_end_of_last_month()
    {
        var options = SeedOptions.Parse(new CliArguments([]), Today);

        Assert.Equal(new SeedOptions(500, 50_000, 42, new DateOnly(2026, 10, 31), 5), options);
        Assert.Equal(new DateOnly(2021, 11, 1), options.From);
    }

    [Fact]
    public void Options_are_read_in_either_spelling()
    {
        var options = SeedOptions.Parse(new CliArguments(["--companies", "5000", "--placements=1_000_000", "--seed", "7", "--until", "2026-06-30", "--years", "3"]), Today);

        Assert.Equal(new SeedOptions(5_000, 1_000_000, 7, new DateOnly(2026, 6, 30), 3), options);
    }

    [Theory]
    [InlineData("--companies 0", "--companies must be between 1 and 100,000; got 0.")]
    [InlineData("--placements -1", "--placements must be between 0 and 20,000,000; got -1.")]
    [InlineData("--companies 10 --placements 20000", "--placements may be at most 1,000 per company (10,000 for 10 companies)")]
    [InlineData("--years 11", "--years must be between 1 and 10; got 11.")]
    [InlineData("--until 2026-11-25", "--until must be a day from 2000-01-31 to today (2026-11-24); got 2026-11-25.")]
    [InlineData("--until 31-10-2026", "--until must be a date written yyyy-MM-dd, not '31-10-2026'.")]
    [InlineData("--seed many", "--seed must be a whole number, not 'many'.")]
    public void Options_out_of_range_are_refused_with_a_message_naming_the_option(string arguments, string message)
    {
        var error = Assert.Throws<CliUsageException>(() => SeedOptions.Parse(new CliArguments(arguments.Split(' ')), Today));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var problems = new SeedOptions(0, -5, 1, Today.AddDays(1), 0).Problems(Today);

        Assert.Equal(4, problems.Count);
    }
}
