using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>A count as shown to the reader: null and <see cref="Suppressed"/> when it could identify a citizen.</summary>
public sealed record ShownCount(int? Value, bool Suppressed);

/// <summary>A rate as shown to the reader: count and rate null (and <see cref="Suppressed"/>) when they could identify a citizen.</summary>
public sealed record ShownRate(int? Count, int? Base, double? Rate, bool Suppressed);

/// <summary>
/// Small-count suppression for anything that leaves the jobcenter (a company's own view): a count from 1 to
/// threshold − 1 is hidden, and so is a rate whose count, base or complement (base − count) is. Zero is shown:
/// it tells of no one. <see cref="None"/> hides nothing (jobcenter staff).
/// </summary>
public sealed class YieldSuppression
{
    public static readonly YieldSuppression None = new(1);

    public YieldSuppression(int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        Threshold = threshold;
    }

    public int Threshold { get; }

    /// <summary>
    /// Who gets small-count suppression: a company user's view leaves the jobcenter, so it is suppressed with the
    /// configured threshold; jobcenter staff (null) see every count.
    /// </summary>
    public static int? ThresholdFor(Actor actor, YieldOptions options) => actor.Role == Role.Company ? options.SuppressionThreshold : null;

    /// <summary>The suppression of a threshold from <see cref="ThresholdFor"/>: <see cref="None"/> without one.</summary>
    public static YieldSuppression With(int? threshold) => threshold is { } t ? new(t) : None;

    public bool Hides(int count) => count >= 1 && count < Threshold;

    public ShownCount Count(int value) => Hides(value) ? new(null, true) : new(value, false);

    public ShownRate Rate(YieldRate rate)
    {
        var hideBase = Hides(rate.Base);
        var hideCount = hideBase || Hides(rate.Count) || Hides(rate.Base - rate.Count);
        return new(hideCount ? null : rate.Count, hideBase ? null : rate.Base, hideCount ? null : rate.Rate, hideCount);
    }

    /// <summary>A statistic of a group of companies (a median) is hidden when the group is smaller than the threshold.</summary>
    public bool HidesGroup(int size) => size < Threshold;
}
