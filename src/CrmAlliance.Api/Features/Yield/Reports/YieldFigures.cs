using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>A count with its share of a base; the rate is null when the base is zero.</summary>
public sealed record YieldRate(int Count, int Base)
{
    public double? Rate => Base == 0 ? null : (double)Count / Base;
}

/// <summary>
/// The measures of docs/domain.md's "Partner yield", computed from summed counts. The single place where counts
/// become figures: partner yield, ranking, summary, trend, targets and the monitoring report all use it.
/// </summary>
public sealed record YieldFigures(YieldTotals Totals, YieldOptions Options)
{
    public int VacanciesPosted => Totals.VacanciesPosted;

    public int PositionsOffered => Totals.PositionsOffered;

    public int PlacementsStarted => Totals.PlacementsStarted;

    /// <summary>Placement-weeks delivered (days / 7, one decimal).</summary>
    public double PlacementWeeks => Published(Totals.PlacementDays / 7m, 1);

    /// <summary>Reach: placements started of candidates far from the labour market, of all started.</summary>
    public YieldRate Reach => new(Totals.FarFromMarketStarted, Totals.PlacementsStarted);

    public int PlacementsEnded => Totals.PlacementsEnded;

    /// <summary>Results: ended in ordinary work, a flex job or education, of those ended with a recorded result.</summary>
    public YieldRate WorkOrEducation => new(Totals.EndedOrdinaryJob + Totals.EndedFlexJob + Totals.EndedEducation, Totals.EndResultsRecorded);

    public YieldRate SelfSupportingAfter1Month => new(Totals.SelfSupporting1, Totals.FollowUp1Recorded);

    public YieldRate SelfSupportingAfter3Months => new(Totals.SelfSupporting3, Totals.FollowUp3Recorded);

    public YieldRate SelfSupportingAfter6Months => new(Totals.SelfSupporting6, Totals.FollowUp6Recorded);

    public YieldRate SelfSupportingAfter12Months => new(Totals.SelfSupporting12, Totals.FollowUp12Recorded);

    /// <summary>Conversion: internships and wage-subsidy placements that ended in an ordinary hire.</summary>
    public YieldRate Conversion => new(Totals.ConvertedToOrdinaryJob, Totals.ConversionEnded);

    /// <summary>Many internships, few hires (thresholds in <see cref="FreeLabourRiskOptions"/>).</summary>
    public bool FreeLabourRisk =>
        Totals.ConversionEnded >= Options.FreeLabourRisk.MinimumEndedPlacements && (Conversion.Rate ?? 0) < Options.FreeLabourRisk.MaximumHireRate;

    public int Contacts => Totals.Contacts;

    /// <summary>Placements started per logged contact; null without contacts.</summary>
    public double? PlacementsPerContact => Totals.Contacts == 0 ? null : (double)Totals.PlacementsStarted / Totals.Contacts;

    /// <summary>Positions pledged for the period (pro-rated by days): the exact sum rounded once to two decimals.</summary>
    public double Pledged => (double)Totals.Pledged.Rounded(2);

    /// <summary>Realised against pledged: placements started / the exact pledged positions; null when nothing was pledged.</summary>
    public double? PledgeFulfilment => Totals.Pledged.Into(Totals.PlacementsStarted);

    /// <summary>Active: a vacancy posted or a placement running in the period.</summary>
    public bool Active => Totals.VacanciesPosted + Totals.PlacementsStarted + Totals.PlacementDays > 0;

    /// <summary>
    /// The weighted contributions before normalising by size, in decimal arithmetic: the weights as configured
    /// (0.1 is 0.1, not the nearest binary fraction), so that rounding the score is rounding the exact value.
    /// </summary>
    public decimal RawScore
    {
        get
        {
            var weights = Options.Score;
            return ((decimal)weights.PerPositionOffered * Totals.PositionsOffered)
                + ((decimal)weights.PerPlacementStarted * Totals.PlacementsStarted)
                + ((decimal)weights.PerPlacementWeek * Totals.PlacementDays / 7m)
                + ((decimal)weights.PerFarFromMarketPlacement * Totals.FarFromMarketStarted)
                + ((decimal)weights.PerOrdinaryWorkOrEducation * WorkOrEducation.Count)
                + ((decimal)weights.PerSelfSupportingAfter6Months * Totals.SelfSupporting6);
        }
    }

    /// <summary>
    /// The yield score: the weighted contributions per <see cref="YieldScoreOptions.PerEmployees"/> ordinary employees,
    /// rounded once to the two decimals it is published with (14.375 → 14.38). Ranks, percentiles and medians use this
    /// published score, so companies shown with the same score share a rank.
    /// </summary>
    public double Score(int ordinaryEmployees) => Published(RawScore * Options.Score.PerEmployees / ScoreBasis(ordinaryEmployees), 2);

    /// <summary>An exact value rounded once for publishing, halves away from zero as people round (2.125 → 2.13).</summary>
    public static double Published(decimal exact, int decimals) => (double)Math.Round(exact, decimals, MidpointRounding.AwayFromZero);

    /// <summary>The headcount the score divides by: the ordinary employees, but at least <see cref="YieldScoreOptions.MinimumEmployees"/>.</summary>
    public int ScoreBasis(int ordinaryEmployees) => Math.Max(ordinaryEmployees, Options.Score.MinimumEmployees);

    /// <summary>The size band's label for a headcount, e.g. "10–49".</summary>
    public static string SizeBand(int ordinaryEmployees, IReadOnlyList<int> upperBounds)
    {
        var lower = 0;
        foreach (var upper in upperBounds)
        {
            if (ordinaryEmployees <= upper)
            {
                return BandLabel(lower, upper);
            }

            lower = upper + 1;
        }

        return BandLabel(lower, null);
    }

    /// <summary>Every size band in order: its label ("0–9", …, "250+") and headcounts (Max null for the open last band).</summary>
    public static IReadOnlyList<SizeBandRange> SizeBands(IReadOnlyList<int> upperBounds)
    {
        var bands = new List<SizeBandRange>();
        var lower = 0;
        foreach (var upper in upperBounds)
        {
            bands.Add(new(BandLabel(lower, upper), lower, upper));
            lower = upper + 1;
        }

        bands.Add(new(BandLabel(lower, null), lower, null));
        return bands;
    }

    private static string BandLabel(int lower, int? upper) => upper is { } max ? $"{lower}–{max}" : $"{lower}+";
}

/// <summary>A size band: ordinary employees from <see cref="Min"/> to <see cref="Max"/> (inclusive; null = no upper bound).</summary>
public sealed record SizeBandRange(string Label, int Min, int? Max);
