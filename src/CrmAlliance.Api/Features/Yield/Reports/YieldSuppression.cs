using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;

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

    /// <summary>
    /// The outcome figures of one period's view, so that no sum, difference or bound of visible numbers pins a
    /// withheld count down:
    /// <list type="bullet">
    /// <item>rates' bases are shown (they count placements started, ended with a result or followed up, like the
    /// placements started and ended that are shown anyway); a count is withheld when it or its complement is small;</item>
    /// <item>the five end results, work-or-education's count and conversion's count are one table: when any of them is
    /// withheld, all are, zeros too (work-or-education adds three of them up, conversion is at most the ordinary jobs;
    /// with zeros shown, a single withheld result of one placement ended would be 1);</item>
    /// <item>the score, which weighs reach, work-or-education and the 6-month follow-up with published weights, is
    /// withheld when any of those is.</item>
    /// </list>
    /// </summary>
    public YieldDisclosure Disclose(YieldFigures figures)
    {
        var totals = figures.Totals;
        var ends = new[] { totals.EndedOrdinaryJob, totals.EndedFlexJob, totals.EndedEducation, totals.EndedBackOnBenefits, totals.EndedDroppedOut };
        var (work, conversion) = (BaseShown(figures.WorkOrEducation), BaseShown(figures.Conversion));
        var withholdEnds = ends.Any(Hides) || work.Suppressed || conversion.Suppressed;
        var shownEnds = ends.Select(e => withholdEnds ? new ShownCount(null, true) : Count(e)).ToList();
        if (withholdEnds)
        {
            (work, conversion) = (Withhold(work), Withhold(conversion));
        }

        var reach = BaseShown(figures.Reach);
        var self6 = BaseShown(figures.SelfSupportingAfter6Months);
        return new(
            reach,
            work,
            shownEnds[0],
            shownEnds[1],
            shownEnds[2],
            shownEnds[3],
            shownEnds[4],
            BaseShown(figures.SelfSupportingAfter1Month),
            BaseShown(figures.SelfSupportingAfter3Months),
            self6,
            BaseShown(figures.SelfSupportingAfter12Months),
            conversion,
            ScoreWithheld: reach.Suppressed || work.Suppressed || self6.Suppressed);
    }

    /// <summary>A rate with its base shown, its count and rate withheld when the count or its complement is small.</summary>
    private ShownRate BaseShown(YieldRate rate)
        => Hides(rate.Count) || Hides(rate.Base - rate.Count) ? new(null, rate.Base, null, true) : new(rate.Count, rate.Base, rate.Rate, false);

    /// <summary>The count and rate withheld; a count out of a shown base of zero is zero, and stays shown.</summary>
    public static ShownRate Withhold(ShownRate rate) => rate.Base == 0 ? rate : rate with { Count = null, Rate = null, Suppressed = true };

    /// <summary>
    /// A company user's view of a period: what <see cref="Disclose(YieldFigures)"/> withholds in the period or in
    /// any of its months (<paramref name="months"/>: the month totals of the same slice), and under an offer-kind
    /// slice every outcome figure (the company sees them over every kind; per kind they would add up to the whole).
    /// </summary>
    public YieldDisclosure Disclose(YieldFigures figures, IEnumerable<YieldTotals> months, YieldSlice slice)
    {
        var shown = Disclose(figures);
        if (this == None)
        {
            return shown;
        }

        shown = shown.WithholdingWhat(months.Select(m => Disclose(new YieldFigures(m, figures.Options))));
        return slice.OfferKind is null ? shown : shown.WithholdingAll();
    }

    /// <summary>
    /// Company users read outcome figures over every target group only: per group, placements started would give
    /// reach's withheld count away (reach counts the placements of four groups).
    /// </summary>
    public void RequireWholeTargetGroups(YieldSlice slice)
    {
        if (this != None && slice.TargetGroup is not null)
        {
            throw new ForbiddenException(RefusalText.Of("Yield.WholeTargetGroupsOnly"));

        }
    }

    /// <summary>A statistic of a group of companies (a median) is hidden when the group is smaller than the threshold.</summary>
    public bool HidesGroup(int size) => size < Threshold;
}
