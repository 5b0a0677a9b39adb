using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;

namespace CrmAlliance.DataGeneration;

/// <summary>A band of company sizes (ordinary employees) and its share of companies.</summary>
public sealed record SizeBand(int Min, int Max, double Share);

/// <summary>
/// The shapes the generated data follows. Each table is explained in SyntheticData.md; the numbers are
/// modelled on the sources named there, not copied from them.
/// </summary>
public static class SyntheticDistributions
{
    /// <summary>Most companies are small, with a long tail of large ones (the shape of Statistics Denmark's firm statistics).</summary>
    public static readonly SizeBand[] SizeBands =
    [
        new(1, 4, 0.36),
        new(5, 9, 0.22),
        new(10, 19, 0.17),
        new(20, 49, 0.14),
        new(50, 99, 0.055),
        new(100, 249, 0.035),
        new(250, 999, 0.015),
        new(1000, 8000, 0.005),
    ];

    /// <summary>DB07 sections by their share of member companies (T and U are never generated).</summary>
    public static readonly (string Section, double Weight)[] Sections =
    [
        ("A", 4), ("B", 0.2), ("C", 9), ("D", 0.5), ("E", 1), ("F", 13), ("G", 18), ("H", 5), ("I", 9), ("J", 4),
        ("K", 2), ("L", 2.5), ("M", 8), ("N", 6), ("O", 2), ("P", 4), ("Q", 9), ("R", 2), ("S", 4),
    ];

    /// <summary>The chance that a company in the section is a public employer (municipality, region, state).</summary>
    public static double PublicShare(string section) => section switch
    {
        "O" => 1.0,
        "P" => 0.75,
        "Q" => 0.5,
        "R" => 0.4,
        "E" => 0.35,
        "D" => 0.15,
        "H" or "L" => 0.05,
        "N" => 0.03,
        _ => 0.0,
    };

    /// <summary>Month factors (January first) for placements and postings; each row averages 1.</summary>
    public static double[] Season(string section) => section switch
    {
        // Field work from spring to harvest.
        "A" => Normalised([0.6, 0.7, 1.0, 1.4, 1.6, 1.5, 1.3, 1.3, 1.1, 0.8, 0.6, 0.5]),

        // Building season; the July builders' holiday.
        "F" => Normalised([0.6, 0.7, 1.0, 1.3, 1.4, 1.3, 0.9, 1.2, 1.1, 1.0, 0.8, 0.6]),

        // Summer tourism, a smaller Christmas-lunch season.
        "I" => Normalised([0.7, 0.7, 0.9, 1.2, 1.5, 1.6, 1.3, 1.0, 0.9, 0.8, 0.8, 1.0]),

        // Christmas trade.
        "G" => Normalised([0.9, 0.8, 0.9, 1.0, 1.0, 1.0, 0.8, 1.1, 1.1, 1.1, 1.3, 1.0]),

        // The school year starts in August.
        "P" => Normalised([1.0, 1.0, 1.0, 0.9, 0.9, 0.7, 0.4, 1.5, 1.3, 1.0, 1.0, 0.7]),

        // Everyone else: the summer holiday and Christmas are quiet.
        _ => Normalised([1.0, 1.05, 1.1, 1.05, 1.0, 0.9, 0.55, 1.1, 1.15, 1.1, 1.05, 0.75]),
    };

    /// <summary>How often each offer kind is taken up (index = <see cref="OfferKind"/>), before a company's own leanings.</summary>
    public static readonly double[] OfferKindWeights = [24, 38, 14, 5, 9, 10];

    /// <summary>A company's leaning: public employers host more internships and wage subsidy, trades more adult apprentices.</summary>
    public static double[] OfferKindWeightsFor(Sector sector, string section, int employees)
    {
        var weights = (double[])OfferKindWeights.Clone();
        if (sector == Sector.Public)
        {
            weights[(int)OfferKind.Internship] *= 1.2;
            weights[(int)OfferKind.WageSubsidy] *= 1.3;
            weights[(int)OfferKind.FlexJob] *= 1.3;
            weights[(int)OfferKind.AdultApprenticeship] *= 0.5;
        }

        if (section is "C" or "F")
        {
            weights[(int)OfferKind.AdultApprenticeship] *= 2.0;
        }

        if (section is "G" or "I" or "N")
        {
            weights[(int)OfferKind.Internship] *= 1.2;
        }

        if (employees < 10)
        {
            weights[(int)OfferKind.Mentor] *= 0.3;
            weights[(int)OfferKind.AdultApprenticeship] *= 0.7;
        }

        return weights;
    }

    /// <summary>Who takes up each offer kind (index = <see cref="TargetGroup"/>); the flex job is for flex-job seekers only.</summary>
    public static double[] TargetGroupWeights(OfferKind kind) => kind switch
    {
        //                                Insured JobReady ActReady EduBen Sick  Flex  Resource Integr Graduate
        OfferKind.Internship => [14, 14, 24, 10, 8, 2, 10, 12, 8],
        OfferKind.WageSubsidy => [40, 20, 8, 5, 0, 0, 0, 12, 15],
        OfferKind.OrdinaryJob => [38, 22, 6, 8, 6, 0, 0, 10, 10],
        OfferKind.AdultApprenticeship => [45, 30, 0, 0, 0, 0, 0, 25, 0],
        OfferKind.FlexJob => [0, 0, 0, 0, 0, 1, 0, 0, 0],
        _ => [0, 0, 35, 15, 10, 0, 25, 15, 0],
    };

    /// <summary>
    /// How close a target group is to ordinary work: scales the chance of a job at the end and of staying
    /// self-supporting. The groups the papers call far from the labour market are well below 1.
    /// </summary>
    public static double LabourMarketDistance(TargetGroup group) => group switch
    {
        TargetGroup.InsuredUnemployed => 1.3,
        TargetGroup.NewGraduate => 1.25,
        TargetGroup.JobReadySocialAssistance => 1.0,
        TargetGroup.EducationBenefit => 0.8,
        TargetGroup.Integration => 0.8,
        TargetGroup.SicknessBenefit => 0.7,
        TargetGroup.FlexJobSeeker => 0.6,
        TargetGroup.ActivityReadySocialAssistance => 0.45,
        _ => 0.3,
    };

    /// <summary>Education and work experience by target group (as in the demo data).</summary>
    public static (EducationLevel Level, bool HasWorkExperience) EducationOf(TargetGroup group, SeedRandom random) => group switch
    {
        TargetGroup.NewGraduate => ((EducationLevel)random.Weighted([0, 0, 0, 20, 40, 40]), random.Chance(0.5)),
        TargetGroup.EducationBenefit => ((EducationLevel)random.Weighted([60, 40]), random.Chance(0.3)),
        TargetGroup.Integration => ((EducationLevel)random.Weighted([40, 20, 20, 0, 20]), random.Chance(0.5)),
        _ => ((EducationLevel)random.Weighted([25, 15, 40, 10, 10]), random.Chance(0.9)),
    };

    private static double[] Normalised(double[] factors)
    {
        var mean = factors.Average();
        return factors.Select(f => f / mean).ToArray();
    }
}
