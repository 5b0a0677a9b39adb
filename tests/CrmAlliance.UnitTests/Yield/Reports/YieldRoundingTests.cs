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
        // 364 positions pledged for 2025, the first quarter's 90 of its 365 days: 89.7534… exactly, not a sum of rounded months.
        var q1 = PledgedPositions.Share(364, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31));
        var figures = new YieldFigures(new YieldTotals { PlacementDays = 3, PlacementsStarted = 90, Pledged = q1 }, Options);

        Assert.Equal(0.4, figures.PlacementWeeks);
        Assert.Equal(89.75, figures.Pledged);
        Assert.Equal(90 * 365 / (364 * 90.0), figures.PledgeFulfilment!.Value, 12);
    }

    [Fact]
    public void Pledged_positions_of_exactly_a_half_cent_are_rounded_up_once()
    {
        // 1 position over 8 days, 1 day inside: 0.125 exactly, shown 0.13 (a sum of rounded shares could not know it was a half).
        var eighth = PledgedPositions.Share(1, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 8), new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1));
        var thirds = PledgedPositions.Share(1, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 3), new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1));

        Assert.Equal(0.13, new YieldFigures(new YieldTotals { Pledged = eighth }, Options).Pledged);
        Assert.Equal(1m, (thirds + thirds + thirds).Rounded(2));
        Assert.Equal(-0.13m, eighth.Times(-1).Rounded(2));
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
