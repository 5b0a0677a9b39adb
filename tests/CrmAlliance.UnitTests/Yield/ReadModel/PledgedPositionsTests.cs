using System.Numerics;
using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.UnitTests.Yield.ReadModel;

/// <summary>Pledged positions stay exact fractions however they are summed (docs/domain.md, "Rounding").</summary>
public sealed class PledgedPositionsTests
{
    private static readonly DateOnly Year = new(2025, 1, 1);

    [Fact]
    public void A_share_is_in_lowest_terms()
    {
        // 364 positions × 90 days ÷ 365 days = 32,760/365 = 6,552/73.
        var q1 = PledgedPositions.Share(364, Year, new DateOnly(2025, 12, 31), Year, new DateOnly(2025, 3, 31));

        Assert.Equal(new BigInteger(6_552), q1.Numerator);
        Assert.Equal(new BigInteger(73), q1.Denominator);
    }

    [Fact]
    public void Summing_per_denominator_gives_exactly_the_sum_of_adding_one_share_at_a_time()
    {
        var random = new Random(13);
        var shares = Enumerable.Range(0, 2_000).Select(_ =>
        {
            var start = Year.AddDays(random.Next(0, 400));
            var end = start.AddDays(random.Next(0, 500));
            return PledgedPositions.Share(random.Next(0, 40), start, end, new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30));
        }).ToList();

        var oneAtATime = shares.Aggregate(PledgedPositions.Zero, (sum, share) => sum + share);
        var summed = PledgedPositions.Sum(shares);

        Assert.False(summed.IsZero);
        Assert.Equal(oneAtATime.Numerator, summed.Numerator);
        Assert.Equal(oneAtATime.Denominator, summed.Denominator);
        Assert.Equal(oneAtATime.Rounded(2), summed.Rounded(2));
    }

    [Fact]
    public void Nothing_summed_is_zero()
    {
        Assert.True(PledgedPositions.Sum([]).IsZero);
        Assert.True(PledgedPositions.Sum([PledgedPositions.Zero, PledgedPositions.Share(0, Year, Year, Year, Year)]).IsZero);
    }
}
