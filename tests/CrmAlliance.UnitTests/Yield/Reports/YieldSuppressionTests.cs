using CrmAlliance.Api.Features.Yield.Reports;

namespace CrmAlliance.UnitTests.Yield.Reports;

public sealed class YieldSuppressionTests
{
    private readonly YieldSuppression _five = new(5);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(120, false)]
    public void Counts_from_1_to_threshold_minus_1_are_hidden(int count, bool hidden)
    {
        var shown = _five.Count(count);

        Assert.Equal(hidden, shown.Suppressed);
        Assert.Equal(hidden ? null : count, shown.Value);
    }

    [Fact]
    public void A_rate_is_shown_when_count_base_and_complement_are_all_zero_or_large()
    {
        Assert.Equal(new ShownRate(5, 12, 5 / 12.0, false), _five.Rate(new YieldRate(5, 12)));
        Assert.Equal(new ShownRate(0, 12, 0, false), _five.Rate(new YieldRate(0, 12)));
        Assert.Equal(new ShownRate(10, 10, 1, false), _five.Rate(new YieldRate(10, 10)));
        Assert.Equal(new ShownRate(0, 0, null, false), _five.Rate(new YieldRate(0, 0)));
    }

    [Fact]
    public void A_small_count_hides_count_and_rate_but_not_a_large_base()
        => Assert.Equal(new ShownRate(null, 12, null, true), _five.Rate(new YieldRate(3, 12)));

    [Fact]
    public void A_small_complement_hides_count_and_rate_because_base_minus_count_would_give_it_away()
        => Assert.Equal(new ShownRate(null, 10, null, true), _five.Rate(new YieldRate(9, 10)));

    [Fact]
    public void A_small_base_hides_everything()
    {
        Assert.Equal(new ShownRate(null, null, null, true), _five.Rate(new YieldRate(0, 3)));
        Assert.Equal(new ShownRate(null, null, null, true), _five.Rate(new YieldRate(3, 3)));
    }

    [Fact]
    public void None_hides_nothing_and_group_statistics_need_a_group_as_large_as_the_threshold()
    {
        Assert.Equal(new ShownCount(1, false), YieldSuppression.None.Count(1));
        Assert.Equal(new ShownRate(1, 2, 0.5, false), YieldSuppression.None.Rate(new YieldRate(1, 2)));
        Assert.True(_five.HidesGroup(4));
        Assert.False(_five.HidesGroup(5));
        Assert.False(YieldSuppression.None.HidesGroup(1));
    }

    [Fact]
    public void A_threshold_below_one_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new YieldSuppression(0));
}
