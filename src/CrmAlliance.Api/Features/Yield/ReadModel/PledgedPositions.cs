using System.Numerics;
using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Yield.ReadModel;

/// <summary>
/// Pledged positions as an exact fraction. A pledge's share of a period is positions × days inside ÷ the pledge's
/// days, and pledges of different lengths have different denominators, so no fixed number of decimals (the old
/// thousandths) can hold their sum exactly: a fraction can, and is rounded once, when published.
/// </summary>
public readonly record struct PledgedPositions
{
    private readonly BigInteger denominator;

    private PledgedPositions(BigInteger numerator, BigInteger denominator)
    {
        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        (Numerator, this.denominator) = divisor.IsZero || divisor.IsOne ? (numerator, denominator) : (numerator / divisor, denominator / divisor);
    }

    /// <summary>Reduced in 64-bit arithmetic: BigInteger's own GCD was most of a summary's pro-rating (issue 13's profile).</summary>
    private PledgedPositions(long numerator, long denominator)
    {
        var divisor = GreatestCommonDivisor(Math.Abs(numerator), denominator);
        (Numerator, this.denominator) = (numerator / divisor, denominator / divisor);
    }

    public static PledgedPositions Zero => default;

    public BigInteger Numerator { get; }

    /// <summary>Always positive (the default value is 0/1).</summary>
    public BigInteger Denominator => denominator.IsZero ? BigInteger.One : denominator;

    public bool IsZero => Numerator.IsZero;

    /// <summary>
    /// The share of a pledge of <paramref name="positions"/> over <paramref name="pledgeStart"/>–<paramref name="pledgeEnd"/>
    /// that falls in <paramref name="first"/>–<paramref name="last"/>: every day of the pledge carries the same part.
    /// </summary>
    public static PledgedPositions Share(int positions, DateOnly pledgeStart, DateOnly pledgeEnd, DateOnly first, DateOnly last)
    {
        var pledgeDays = pledgeEnd.DayNumber - pledgeStart.DayNumber + 1;
        var inside = DayCount.Inside(pledgeStart, pledgeEnd, first, last);
        if (positions == 0 || pledgeDays <= 0 || inside == 0)
        {
            return Zero;
        }

        return new PledgedPositions((long)positions * inside, (long)pledgeDays);
    }

    /// <summary>
    /// The exact sum of many shares: numerators are added per denominator first (shares of pledges of one length share
    /// it, so there are few), and only those few sums are brought to a common denominator.
    /// </summary>
    public static PledgedPositions Sum(IEnumerable<PledgedPositions> shares)
    {
        var byDenominator = new Dictionary<BigInteger, BigInteger>();
        foreach (var share in shares)
        {
            if (!share.IsZero)
            {
                byDenominator[share.Denominator] = byDenominator.GetValueOrDefault(share.Denominator) + share.Numerator;
            }
        }

        return byDenominator.Aggregate(Zero, (sum, part) => sum + new PledgedPositions(part.Value, part.Key));
    }

    public static PledgedPositions operator +(PledgedPositions left, PledgedPositions right)
        => left.IsZero ? right
            : right.IsZero ? left
            : left.Denominator == right.Denominator ? new(left.Numerator + right.Numerator, left.Denominator)
            : new((left.Numerator * right.Denominator) + (right.Numerator * left.Denominator), left.Denominator * right.Denominator);

    public PledgedPositions Times(int factor) => IsZero || factor == 1 ? this : new(Numerator * factor, Denominator);

    /// <summary>Rounded once to <paramref name="decimals"/>, halves away from zero (89.755 → 89.76), exactly.</summary>
    public decimal Rounded(int decimals)
    {
        var scale = BigInteger.Pow(10, decimals);
        var magnitude = ((2 * BigInteger.Abs(Numerator) * scale) + Denominator) / (2 * Denominator);
        return (decimal)(Numerator.Sign * magnitude) / (decimal)scale;
    }

    /// <summary><paramref name="count"/> ÷ these positions, to double precision; null when nothing was pledged.</summary>
    public double? Into(int count)
    {
        if (IsZero)
        {
            return null;
        }

        // count × D ÷ N, scaled so that the integer division keeps 18 significant digits for doubles.
        var scale = BigInteger.Pow(10, 18);
        return (double)(count * Denominator * scale / Numerator) / 1e18;
    }

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
