using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// The measures of one period as a reader may see them: <see cref="YieldFigures"/> with the figures derived from
/// citizens' outcomes (reach, results, follow-ups, conversion) as <see cref="Shown"/> discloses them.
/// </summary>
public sealed class YieldMeasuresView(YieldFigures figures, YieldDisclosure shown)
{
    /// <summary>Every figure shown as it is (jobcenter staff).</summary>
    public YieldMeasuresView(YieldFigures figures)
        : this(figures, YieldSuppression.None.Disclose(figures))
    {
    }

    public YieldFigures Figures { get; } = figures;

    public YieldDisclosure Shown { get; } = shown;

    public int VacanciesPosted => Figures.VacanciesPosted;

    public int PositionsOffered => Figures.PositionsOffered;

    public int PlacementsStarted => Figures.PlacementsStarted;

    public int PlacementDays => Figures.Totals.PlacementDays;

    public double PlacementWeeks => Figures.PlacementWeeks;

    public ShownRate Reach => Shown.Reach;

    public int PlacementsEnded => Figures.PlacementsEnded;

    public int EndedEarly => Figures.Totals.EndedEarly;

    public ShownRate WorkOrEducation => Shown.WorkOrEducation;

    public ShownCount EndedOrdinaryJob => Shown.EndedOrdinaryJob;

    public ShownCount EndedFlexJob => Shown.EndedFlexJob;

    public ShownCount EndedEducation => Shown.EndedEducation;

    public ShownCount EndedBackOnBenefits => Shown.EndedBackOnBenefits;

    public ShownCount EndedDroppedOut => Shown.EndedDroppedOut;

    public ShownRate SelfSupportingAfter1Month => Shown.SelfSupportingAfter1Month;

    public ShownRate SelfSupportingAfter3Months => Shown.SelfSupportingAfter3Months;

    public ShownRate SelfSupportingAfter6Months => Shown.SelfSupportingAfter6Months;

    public ShownRate SelfSupportingAfter12Months => Shown.SelfSupportingAfter12Months;

    public ShownRate Conversion => Shown.Conversion;

    /// <summary>Null when the conversion it is read from is suppressed: the flag would give the hidden count away.</summary>
    public bool? FreeLabourRisk => Conversion.Suppressed ? null : Figures.FreeLabourRisk;

    public int Contacts => Figures.Contacts;

    public double? PlacementsPerContact => Figures.PlacementsPerContact;

    public double Pledged => Figures.Pledged;

    public double? PledgeFulfilment => Figures.PledgeFulfilment;

    public bool Active => Figures.Active;
}

/// <summary>What was offered, taken up and pledged in one offer kind (every target group).</summary>
public sealed record YieldOfferKindView(OfferKind OfferKind, YieldFigures Figures)
{
    /// <summary>One row per offer kind, zeros included, from the kind-sliced totals.</summary>
    public static IReadOnlyList<YieldOfferKindView> From(IReadOnlyDictionary<string, YieldTotals> byKind, YieldSlice slice, YieldOptions options)
        => Enum.GetValues<OfferKind>()
            .Where(kind => slice.OfferKind is null || slice.OfferKind == kind)
            .Select(kind => new YieldOfferKindView(kind, new YieldFigures(byKind.GetValueOrDefault(kind.ToString()) ?? new YieldTotals(), options)))
            .ToList();
}

/// <summary>A company as reports show it, from the read model.</summary>
public sealed record YieldCompanyView(
    Guid Id,
    string Name,
    string Cvr,
    string IndustryCode,
    string IndustrySection,
    int OrdinaryEmployees,
    string SizeBand,
    string MembershipStatus,
    DateOnly? JoinedOn,
    string? ResponsibleConsultantId)
{
    public static YieldCompanyView From(YieldCompany c, YieldOptions options) => new(
        c.CompanyId, c.Name, c.Cvr, c.IndustryCode, c.IndustrySection, c.OrdinaryEmployees,
        YieldFigures.SizeBand(c.OrdinaryEmployees, options.SizeBandUpperBounds), c.MembershipStatus, c.JoinedOn, c.ResponsibleConsultantId);
}

/// <summary>
/// A company's place in a group of companies (the alliance, its industry section, its size band): no other
/// company is named. <see cref="MedianScore"/> is null when suppressed for a small group.
/// </summary>
public sealed record YieldPosition(string Group, int Rank, int Of, double? Percentile, double? MedianScore, bool MedianSuppressed)
{
    public string Label => $"{Rank} of {Of}";

    /// <summary>The same position as a reader with <paramref name="suppression"/> may see it.</summary>
    public YieldPosition For(YieldSuppression suppression)
        => suppression.HidesGroup(Of) ? this with { MedianScore = null, MedianSuppressed = true } : this;
}

/// <summary>The measures of one period of a trend; <see cref="Score"/> null for the alliance and when withheld (<see cref="ScoreSuppressed"/>).</summary>
public sealed record YieldTrendPoint(ReportPeriod Period, YieldMeasuresView Measures, double? Score, bool ScoreSuppressed = false);
