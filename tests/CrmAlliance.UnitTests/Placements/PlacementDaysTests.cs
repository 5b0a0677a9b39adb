using CrmAlliance.Api.Features.Placements;

namespace CrmAlliance.UnitTests.Placements;

public sealed class PlacementDaysTests
{
    private static readonly DateOnly First = new(2025, 3, 1);
    private static readonly DateOnly Last = new(2025, 3, 31);
    private static readonly DateOnly Yesterday = new(2025, 5, 31);

    [Theory]
    [InlineData("2025-01-01", "2025-12-31", 31)]
    [InlineData("2025-03-10", "2025-03-10", 1)]
    [InlineData("2025-02-01", "2025-03-01", 1)]
    [InlineData("2025-03-31", "2025-04-30", 1)]
    [InlineData("2025-03-10", "2025-03-19", 10)]
    [InlineData("2025-04-01", "2025-04-30", 0)]
    public void Days_in_the_period_count_both_ends(string start, string end, int days)
        => Assert.Equal(days, PlacementDays.InPeriod(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), First, Last, Yesterday));

    [Fact]
    public void A_running_placement_counts_to_today_within_the_period()
    {
        Assert.Equal(22, PlacementDays.InPeriod(new DateOnly(2025, 3, 10), null, First, Last, Yesterday));
        Assert.Equal(6, PlacementDays.InPeriod(new DateOnly(2025, 3, 10), null, First, Last, new DateOnly(2025, 3, 15)));
    }
}
