using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Reports;

namespace CrmAlliance.UnitTests.Yield.Reports;

/// <summary>Published figures are the exact values rounded once, halves away from zero (docs/domain.md, "Rounding").</summary>
public sealed class YieldRoundingTests
{
    private static readonly YieldOptions Options = new();

    [Fact]
    public void A_score_of_exactly_two_point_six_seven_five_is_published_as_two_point_six_eight()
    {
        // 0.5 × 107 positions × 100 / 2,000 employees = 2.675 exactly; in binary floating point it is 2.67499…, which rounded to 2.67.
        var figures = new YieldFigures(new YieldTotals { PositionsOffered = 107 }, Options);

        Assert.Equal(2.68, figures.Score(2_000));
    }

    [Fact]
    public void A_half_is_rounded_away_from_zero_not_to_even()
    {
        // 0.5 × 1 position × 100 / 400 employees = 0.125 exactly, also in binary: banker's rounding gave 0.12.
        var figures = new YieldFigures(new YieldTotals { PositionsOffered = 1 }, Options);

        Assert.Equal(0.13, figures.Score(400));
        Assert.Equal(2.13, YieldFigures.Published(2.125m, 2));
    }

    [Fact]
    public void Placement_weeks_and_pledged_positions_are_rounded_once_the_same_way()
    {
        var figures = new YieldFigures(new YieldTotals { PlacementDays = 3, PledgedMilli = 89_775 }, Options);

        Assert.Equal(0.4, figures.PlacementWeeks);
        Assert.Equal(89.78, figures.Pledged);
    }

    [Fact]
    public void The_weights_are_taken_as_configured_so_a_tenth_per_week_adds_exactly()
    {
        // 0.1 × 70 days / 7 = 1 exactly, 10 per 100 employees at the minimum basis of 10.
        var figures = new YieldFigures(new YieldTotals { PlacementDays = 70 }, Options);

        Assert.Equal(1m, figures.RawScore);
        Assert.Equal(10, figures.Score(3));
    }
}
