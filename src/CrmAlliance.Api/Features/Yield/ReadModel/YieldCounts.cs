namespace CrmAlliance.Api.Features.Yield.ReadModel;

/// <summary>
/// The additive counts of the yield read model. Every figure in a yield report is a sum of these over cells,
/// or a ratio of two such sums; see YieldReadModel.md for which rows each count comes from.
/// </summary>
public abstract class YieldCounts
{
    /// <summary>Vacancies first published in the period.</summary>
    public int VacanciesPosted { get; set; }

    /// <summary>Positions of those vacancies.</summary>
    public int PositionsOffered { get; set; }

    /// <summary>Placements that actually started in the period.</summary>
    public int PlacementsStarted { get; set; }

    /// <summary>Of those, candidates from the target groups far from the labour market (reach).</summary>
    public int FarFromMarketStarted { get; set; }

    /// <summary>Days of placements delivered within the period (running placements up to the read model's as-of day).</summary>
    public int PlacementDays { get; set; }

    /// <summary>Placements that ended in the period (completed or ended early).</summary>
    public int PlacementsEnded { get; set; }

    /// <summary>Of those, ended early.</summary>
    public int EndedEarly { get; set; }

    /// <summary>Placements ended in the period with an end result recorded.</summary>
    public int EndResultsRecorded { get; set; }

    public int EndedOrdinaryJob { get; set; }

    public int EndedFlexJob { get; set; }

    public int EndedEducation { get; set; }

    public int EndedBackOnBenefits { get; set; }

    public int EndedDroppedOut { get; set; }

    /// <summary>Internship and wage-subsidy placements ended in the period with an end result (conversion's denominator).</summary>
    public int ConversionEnded { get; set; }

    /// <summary>Of those, ended in an ordinary job (converted to an ordinary hire).</summary>
    public int ConvertedToOrdinaryJob { get; set; }

    /// <summary>Placements ended in the period with a follow-up 1 month after recorded …</summary>
    public int FollowUp1Recorded { get; set; }

    /// <summary>… and of those, self-supporting then.</summary>
    public int SelfSupporting1 { get; set; }

    public int FollowUp3Recorded { get; set; }

    public int SelfSupporting3 { get; set; }

    public int FollowUp6Recorded { get; set; }

    public int SelfSupporting6 { get; set; }

    public int FollowUp12Recorded { get; set; }

    public int SelfSupporting12 { get; set; }

    /// <summary>Contacts with the company logged in the period (effort).</summary>
    public int Contacts { get; set; }

    /// <summary>
    /// Vacancies posted plus placement days in the kinds the samarbejdsgrad counts (internship, wage subsidy,
    /// flex job, mentor): above zero means the jobcenter cooperated with the company in the period.
    /// </summary>
    public int CooperationActivity { get; set; }

    /// <summary>True when every count is zero: such a cell is deleted rather than kept.</summary>
    public bool IsEmpty() =>
        VacanciesPosted == 0 && PositionsOffered == 0 && PlacementsStarted == 0 && FarFromMarketStarted == 0 && PlacementDays == 0
        && PlacementsEnded == 0 && EndedEarly == 0 && EndResultsRecorded == 0 && EndedOrdinaryJob == 0 && EndedFlexJob == 0
        && EndedEducation == 0 && EndedBackOnBenefits == 0 && EndedDroppedOut == 0 && ConversionEnded == 0 && ConvertedToOrdinaryJob == 0
        && FollowUp1Recorded == 0 && SelfSupporting1 == 0 && FollowUp3Recorded == 0 && SelfSupporting3 == 0 && FollowUp6Recorded == 0
        && SelfSupporting6 == 0 && FollowUp12Recorded == 0 && SelfSupporting12 == 0 && Contacts == 0 && CooperationActivity == 0;

    /// <summary>Adds <paramref name="other"/> times <paramref name="sign"/> (+1 or −1) to these counts.</summary>
    public void Add(YieldCounts other, int sign = 1)
    {
        VacanciesPosted += sign * other.VacanciesPosted;
        PositionsOffered += sign * other.PositionsOffered;
        PlacementsStarted += sign * other.PlacementsStarted;
        FarFromMarketStarted += sign * other.FarFromMarketStarted;
        PlacementDays += sign * other.PlacementDays;
        PlacementsEnded += sign * other.PlacementsEnded;
        EndedEarly += sign * other.EndedEarly;
        EndResultsRecorded += sign * other.EndResultsRecorded;
        EndedOrdinaryJob += sign * other.EndedOrdinaryJob;
        EndedFlexJob += sign * other.EndedFlexJob;
        EndedEducation += sign * other.EndedEducation;
        EndedBackOnBenefits += sign * other.EndedBackOnBenefits;
        EndedDroppedOut += sign * other.EndedDroppedOut;
        ConversionEnded += sign * other.ConversionEnded;
        ConvertedToOrdinaryJob += sign * other.ConvertedToOrdinaryJob;
        FollowUp1Recorded += sign * other.FollowUp1Recorded;
        SelfSupporting1 += sign * other.SelfSupporting1;
        FollowUp3Recorded += sign * other.FollowUp3Recorded;
        SelfSupporting3 += sign * other.SelfSupporting3;
        FollowUp6Recorded += sign * other.FollowUp6Recorded;
        SelfSupporting6 += sign * other.SelfSupporting6;
        FollowUp12Recorded += sign * other.FollowUp12Recorded;
        SelfSupporting12 += sign * other.SelfSupporting12;
        Contacts += sign * other.Contacts;
        CooperationActivity += sign * other.CooperationActivity;
    }
}

/// <summary>A free-standing set of counts: a delta while projecting, or a sum while reporting.</summary>
public sealed class YieldTotals : YieldCounts
{
    /// <summary>
    /// Positions pledged for the period, pro-rated by days, exactly. Not a cell count: the reports compute it from
    /// the pledge facts (<see cref="PledgedPositions.Share"/>), since exact shares of pledges of different lengths
    /// cannot be summed in a fixed number of decimals.
    /// </summary>
    public PledgedPositions Pledged { get; set; }

    /// <summary>Adds the counts and the pledged positions of <paramref name="other"/> times <paramref name="sign"/>.</summary>
    public void Add(YieldTotals other, int sign = 1)
    {
        base.Add(other, sign);
        Pledged += other.Pledged.Times(sign);
    }
}
