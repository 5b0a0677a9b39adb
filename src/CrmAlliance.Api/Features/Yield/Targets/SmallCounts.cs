using CrmAlliance.Api.Features.Yield.Reports;

namespace CrmAlliance.Api.Features.Yield.Targets;

/// <summary>A rate as it may be shown: null parts are withheld (suppressed) or, with a zero base, unknown.</summary>
public sealed record ShownRate(int? Count, int? Base, double? Rate, bool Suppressed);

/// <summary>
/// Statistical disclosure control for figures that leave the jobcenter (<see cref="YieldOptions.SuppressionThreshold"/>):
/// a count from 1 to threshold − 1 could point at a citizen, so it is withheld, and so is any rate that would
/// give it away — a rate over a small base, or a rate whose count or complement (base − count) is small.
/// </summary>
public static class SmallCounts
{
    /// <summary>True for 0 &lt; value &lt; threshold; zero is never small (nobody to recognise).</summary>
    public static bool IsSmall(decimal value, int threshold) => value > 0 && value < threshold;

    /// <summary>The rate as it may be shown; with no threshold (staff inside the jobcenter) all of it.</summary>
    public static ShownRate Show(YieldRate rate, int? threshold)
    {
        if (threshold is not { } t)
        {
            return new(rate.Count, rate.Base, rate.Rate, false);
        }

        if (IsSmall(rate.Base, t))
        {
            return new(null, null, null, true);
        }

        return IsSmall(rate.Count, t) || IsSmall(rate.Base - rate.Count, t)
            ? new(null, rate.Base, null, true)
            : new(rate.Count, rate.Base, rate.Rate, false);
    }
}
