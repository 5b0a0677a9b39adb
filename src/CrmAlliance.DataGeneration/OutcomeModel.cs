using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Outcomes;

namespace CrmAlliance.DataGeneration;

/// <summary>
/// How placements end and what lasts. A job at the end depends on the offer kind (a wage subsidy is closer to a
/// job than an internship) scaled by the target group's distance from the labour market; self-support at the
/// follow-ups is a chain: those self-supporting mostly stay so, others enter slowly, faster if close to the labour market.
/// </summary>
public static class OutcomeModel
{
    /// <summary>The chance of ordinary work at the end of a completed placement, before the target group's factor.</summary>
    public static double JobChance(OfferKind kind) => kind switch
    {
        OfferKind.OrdinaryJob => 0.85,
        OfferKind.AdultApprenticeship => 0.80,
        OfferKind.WageSubsidy => 0.45,
        OfferKind.Internship => 0.25,
        OfferKind.Mentor => 0.15,
        _ => 0.0,
    };

    /// <summary>The chance of going on to education instead (checked when no job came of it).</summary>
    public static double EducationChance(TargetGroup group) => group switch
    {
        TargetGroup.EducationBenefit => 0.30,
        TargetGroup.Integration => 0.10,
        TargetGroup.NewGraduate or TargetGroup.ActivityReadySocialAssistance => 0.06,
        _ => 0.03,
    };

    /// <summary>Why an active placement was broken off, weighted: closer to the labour market, more often for a job elsewhere.</summary>
    public static (string Reason, EndResult Result) EarlyEnd(TargetGroup group, SeedRandom random)
    {
        var distance = SyntheticDistributions.LabourMarketDistance(group);
        return random.Weighted([30 * distance, 25, 25 / distance, 20]) switch
        {
            0 => ("Borgeren fik ordinært job andetsteds.", EndResult.OrdinaryJob),
            1 => ("Sygdom: forløbet afbrudt efter aftale med sagsbehandleren.", EndResult.BackOnBenefits),
            2 => ("Gentagne udeblivelser uden afbud.", EndResult.DroppedOut),
            _ => ("Opgaverne passede ikke til borgerens skånehensyn.", EndResult.BackOnBenefits),
        };
    }

    /// <summary>The result at the end of a placement that ran its course.</summary>
    public static EndResult Completed(OfferKind kind, TargetGroup group, SeedRandom random)
    {
        if (kind == OfferKind.FlexJob)
        {
            return random.Chance(0.85) ? EndResult.FlexJob : EndResult.BackOnBenefits;
        }

        if (random.Chance(Math.Min(0.95, JobChance(kind) * SyntheticDistributions.LabourMarketDistance(group))))
        {
            // People with permanently reduced working capacity are hired on flex-job terms.
            return group == TargetGroup.FlexJobSeeker && random.Chance(0.7) ? EndResult.FlexJob : EndResult.OrdinaryJob;
        }

        return random.Chance(EducationChance(group)) ? EndResult.Education : EndResult.BackOnBenefits;
    }

    /// <summary>Self-supporting one month after the end, by how it ended.</summary>
    public static double SelfSupportingAfterOneMonth(EndResult result, TargetGroup group) => result switch
    {
        EndResult.OrdinaryJob => 0.90,
        EndResult.Education => 0.80,
        EndResult.FlexJob => 0.05,
        EndResult.BackOnBenefits => Math.Min(0.5, 0.10 * SyntheticDistributions.LabourMarketDistance(group)),
        _ => Math.Min(0.5, 0.06 * SyntheticDistributions.LabourMarketDistance(group)),
    };

    /// <summary>The next follow-up's state: those self-supporting mostly stay so; others enter at a rate set by the group.</summary>
    public static bool NextSelfSupporting(bool now, TargetGroup group, SeedRandom random)
    {
        var distance = SyntheticDistributions.LabourMarketDistance(group);
        return now
            ? random.Chance(distance >= 1 ? 0.93 : distance >= 0.7 ? 0.90 : 0.85)
            : random.Chance(0.08 * distance);
    }

    /// <summary>The chance a placement is broken off early, by kind and group.</summary>
    public static double EarlyEndChance(OfferKind kind, TargetGroup group)
    {
        var byKind = kind switch
        {
            OfferKind.Internship => 0.18,
            OfferKind.WageSubsidy => 0.15,
            OfferKind.AdultApprenticeship => 0.15,
            OfferKind.Mentor => 0.15,
            OfferKind.FlexJob => 0.12,
            _ => 0.10,
        };
        var byGroup = group switch
        {
            TargetGroup.ActivityReadySocialAssistance => 1.6,
            TargetGroup.ResourceProgramme or TargetGroup.SicknessBenefit => 1.5,
            TargetGroup.EducationBenefit => 1.3,
            TargetGroup.Integration => 1.2,
            TargetGroup.InsuredUnemployed or TargetGroup.NewGraduate => 0.8,
            _ => 1.0,
        };
        return byKind * byGroup;
    }
}
