using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// The figures of one view that come from citizens' outcomes, as its reader may see them, and whether the score
/// (and with it the place among peers) may be shown. Built by <see cref="YieldSuppression.Disclose(YieldFigures)"/>.
/// </summary>
public sealed record YieldDisclosure(
    ShownRate Reach,
    ShownRate WorkOrEducation,
    ShownCount EndedOrdinaryJob,
    ShownCount EndedFlexJob,
    ShownCount EndedEducation,
    ShownCount EndedBackOnBenefits,
    ShownCount EndedDroppedOut,
    ShownRate SelfSupportingAfter1Month,
    ShownRate SelfSupportingAfter3Months,
    ShownRate SelfSupportingAfter6Months,
    ShownRate SelfSupportingAfter12Months,
    ShownRate Conversion,
    bool ScoreWithheld)
{
    /// <summary>
    /// This view with everything withheld that is withheld in any of <paramref name="parts"/> (its months): a figure
    /// of a longer period is then a sum of figures its reader sees anyway, so differencing periods tells nothing.
    /// </summary>
    public YieldDisclosure WithholdingWhat(IEnumerable<YieldDisclosure> parts)
        => parts.Aggregate(this, (shown, part) => new YieldDisclosure(
            Either(shown.Reach, part.Reach),
            Either(shown.WorkOrEducation, part.WorkOrEducation),
            Either(shown.EndedOrdinaryJob, part.EndedOrdinaryJob),
            Either(shown.EndedFlexJob, part.EndedFlexJob),
            Either(shown.EndedEducation, part.EndedEducation),
            Either(shown.EndedBackOnBenefits, part.EndedBackOnBenefits),
            Either(shown.EndedDroppedOut, part.EndedDroppedOut),
            Either(shown.SelfSupportingAfter1Month, part.SelfSupportingAfter1Month),
            Either(shown.SelfSupportingAfter3Months, part.SelfSupportingAfter3Months),
            Either(shown.SelfSupportingAfter6Months, part.SelfSupportingAfter6Months),
            Either(shown.SelfSupportingAfter12Months, part.SelfSupportingAfter12Months),
            Either(shown.Conversion, part.Conversion),
            shown.ScoreWithheld || part.ScoreWithheld));

    /// <summary>Every outcome count and the score withheld, zeros too (a company user's view of one offer kind); bases stay.</summary>
    public YieldDisclosure WithholdingAll()
    {
        var count = new ShownCount(null, true);
        return new(YieldSuppression.Withhold(Reach), YieldSuppression.Withhold(WorkOrEducation), count, count, count, count, count, YieldSuppression.Withhold(SelfSupportingAfter1Month), YieldSuppression.Withhold(SelfSupportingAfter3Months), YieldSuppression.Withhold(SelfSupportingAfter6Months), YieldSuppression.Withhold(SelfSupportingAfter12Months), YieldSuppression.Withhold(Conversion), true);
    }

    private static ShownCount Either(ShownCount shown, ShownCount part) => part.Suppressed ? new(null, true) : shown;

    private static ShownRate Either(ShownRate shown, ShownRate part)
    {
        var count = part.Count is null ? null : shown.Count;
        var @base = part.Base is null ? null : shown.Base;
        return new(count, @base, count is null || @base is null ? null : shown.Rate, shown.Suppressed || part.Suppressed);
    }
}
