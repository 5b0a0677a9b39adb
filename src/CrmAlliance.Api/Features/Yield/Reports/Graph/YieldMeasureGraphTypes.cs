using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Yield.Reports.Graph;

public sealed class YieldCountGraphType : ObjectGraphType<ShownCount>
{
    public YieldCountGraphType()
    {
        Name = "YieldCount";
        Description = "A count of citizens' outcomes. In a company's own view a count from 1 to the suppression threshold − 1 is hidden: `value` null, `suppressed` true; so is a count that is hidden in any month of the period, and every count of a view of one offer kind.";
        Field(c => c.Value, nullable: true).Description("The count; null when suppressed.");
        Field(c => c.Suppressed).Description("True when the count was hidden so that no citizen can be recognised.");
    }
}

public sealed class YieldRateGraphType : ObjectGraphType<ShownRate>
{
    public YieldRateGraphType()
    {
        Name = "YieldRate";
        Description = "A count out of a base, and their ratio. In a company's own view the count and rate are hidden (`suppressed` true) when the count, the base or the base minus the count is between 1 and the suppression threshold − 1; the base alone is hidden when it is. Also hidden there: what is hidden in any month of the period, work-or-education's count when one of its end results is hidden and its base when any end result is, and everything in a view of one offer kind. Reach's base is the placements started and always shown.";
        Field(r => r.Count, nullable: true).Description("How many of the base had the outcome; null when suppressed.");
        Field(r => r.Base, nullable: true).Description("The base (denominator); null when it is itself a suppressed small count.");
        Field(r => r.Rate, nullable: true).Description("count / base between 0 and 1; null when the base is 0 or when suppressed.");
        Field(r => r.Suppressed).Description("True when part of the rate was hidden so that no citizen can be recognised.");
    }
}

public sealed class YieldMeasuresGraphType : ObjectGraphType<YieldMeasuresView>
{
    public YieldMeasuresGraphType()
    {
        Name = "YieldMeasures";
        Description = "The partner-yield measures of DOMAIN.md for one period and slice, summed from the yield read model. Results, follow-ups, conversion and reach come from citizens' outcomes and are suppressed for small counts in a company's own view.";
        Field(m => m.VacanciesPosted).Description("Offered: vacancies first published in the period.");
        Field(m => m.PositionsOffered).Description("Offered: positions of those vacancies.");
        Field(m => m.PlacementsStarted).Description("Taken up: placements that actually started in the period.");
        Field(m => m.PlacementDays).Description("Taken up: days of placements inside the period (running placements up to the day the read model has booked).");
        Field(m => m.PlacementWeeks).Description("Taken up: placement-weeks delivered in the period (placementDays / 7, one decimal).");
        Rate("reach", m => m.Reach, "Reach: placements started of candidates from target groups far from the labour market (by default activity-ready social assistance, resource programme, flex-job seekers and integration), out of all placements started.");
        Field(m => m.PlacementsEnded).Description("Placements that ended in the period, completed or early.");
        Field(m => m.EndedEarly).Description("Of those, ended early by the consultant (status ENDED_EARLY, ended with a reason before completion) — not every placement whose actual end came before its planned end.");
        Rate("workOrEducation", m => m.WorkOrEducation, "Results: placements ended in the period in ordinary work, a flex job or education, out of those ended with a recorded end result.");
        Count("endedOrdinaryJob", m => m.EndedOrdinaryJob, "Placements ended in the period in an ordinary job.");
        Count("endedFlexJob", m => m.EndedFlexJob, "Placements ended in the period in a flex job.");
        Count("endedEducation", m => m.EndedEducation, "Placements ended in the period in education.");
        Count("endedBackOnBenefits", m => m.EndedBackOnBenefits, "Placements ended in the period back on benefits.");
        Count("endedDroppedOut", m => m.EndedDroppedOut, "Placements ended in the period as dropped out.");
        Rate("selfSupportingAfter1Month", m => m.SelfSupportingAfter1Month, "Durable effect: of the placements ended in the period with the 1-month follow-up recorded, those self-supporting then.");
        Rate("selfSupportingAfter3Months", m => m.SelfSupportingAfter3Months, "Durable effect: of the placements ended in the period with the 3-month follow-up recorded, those self-supporting then.");
        Rate("selfSupportingAfter6Months", m => m.SelfSupportingAfter6Months, "Durable effect: of the placements ended in the period with the 6-month follow-up recorded, those self-supporting then.");
        Rate("selfSupportingAfter12Months", m => m.SelfSupportingAfter12Months, "Durable effect: of the placements ended in the period with the 12-month follow-up recorded, those self-supporting then.");
        Rate("conversion", m => m.Conversion, "Conversion: internship and wage-subsidy placements ended in the period with a result that became ordinary hires, out of all of them.");
        Field(m => m.FreeLabourRisk, nullable: true).Description("Free-labour risk: many internships and wage-subsidy placements ended, few hires (configuration Yield:FreeLabourRisk; by default at least 5 ended and under 20 % hired). Null when the conversion it is read from is suppressed.");
        Field(m => m.Contacts).Description("Effort: contacts with the company logged in the period. Contacts are not tied to an offer kind or target group: 0 under such a slice.");
        Field(m => m.PlacementsPerContact, nullable: true).Description("Yield per contact: placements started per contact logged; null without contacts.");
        Field(m => m.Pledged).Description("Positions pledged for the period, pro-rated by days (two decimals). Pledges have no target group: 0 under a targetGroup slice.");
        Field(m => m.PledgeFulfilment, nullable: true).Description("Placements started / positions pledged, over every offer kind; null when nothing was pledged. Placements of kinds that were not pledged count too, so it can exceed 1 (100 %): see byOfferKind.fulfilment for realised against pledged per offer kind.");
        Field(m => m.Active).Description("Active: a vacancy posted, or a placement started or running, in the period.");
    }

    private void Rate(string name, Func<YieldMeasuresView, ShownRate> value, string description)
        => Field<NonNullGraphType<YieldRateGraphType>>(name).Description(description).Resolve(c => value(c.Source));

    private void Count(string name, Func<YieldMeasuresView, ShownCount> value, string description)
        => Field<NonNullGraphType<YieldCountGraphType>>(name).Description(description).Resolve(c => value(c.Source));
}

public sealed class YieldOfferKindGraphType : ObjectGraphType<YieldOfferKindView>
{
    public YieldOfferKindGraphType()
    {
        Name = "YieldOfferKindFigures";
        Description = "Offered, taken up and pledged in one offer kind, over every target group (vacancies and pledges have none).";
        Field(k => k.OfferKind).Description("The offer kind.");
        Field<NonNullGraphType<IntGraphType>>("vacanciesPosted").Description("Vacancies of this kind first published in the period.").Resolve(c => c.Source.Figures.VacanciesPosted);
        Field<NonNullGraphType<IntGraphType>>("positionsOffered").Description("Their positions.").Resolve(c => c.Source.Figures.PositionsOffered);
        Field<NonNullGraphType<IntGraphType>>("placementsStarted").Description("Placements of this kind started in the period: the realised side of pledge fulfilment.").Resolve(c => c.Source.Figures.PlacementsStarted);
        Field<NonNullGraphType<FloatGraphType>>("placementWeeks").Description("Placement-weeks of this kind delivered in the period.").Resolve(c => c.Source.Figures.PlacementWeeks);
        Field<NonNullGraphType<FloatGraphType>>("pledged").Description("Positions of this kind pledged for the period, pro-rated by days.").Resolve(c => c.Source.Figures.Pledged);
        Field<FloatGraphType>("fulfilment").Description("Pledge fulfilment: placements started of this kind / positions of this kind pledged; null when none were pledged.").Resolve(c => c.Source.Figures.PledgeFulfilment);
    }
}

public sealed class YieldCompanyGraphType : ObjectGraphType<YieldCompanyView>
{
    public YieldCompanyGraphType()
    {
        Name = "YieldCompany";
        Description = "A company as the yield reports slice it (from the read model).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID of the Company (open it with `company` or `node`).").Resolve(c => GlobalId.Encode("Company", c.Source.Id));
        Field(c => c.Name).Description("Registered name.");
        Field(c => c.Cvr).Description("CVR number.");
        Field(c => c.IndustryCode).Description("DB07 industry code.");
        Field(c => c.IndustrySection).Description("DB07/NACE section letter A–U (\"?\" when the code is unknown).");
        Field(c => c.OrdinaryEmployees).Description("Ordinary employees over all workplaces.");
        Field(c => c.SizeBand).Description("Size band by ordinary employees, e.g. \"10–49\" (bounds in configuration Yield:SizeBandUpperBounds).");
        Field<NonNullGraphType<EnumerationGraphType<MembershipStatus>>>("membershipStatus").Description("Current membership of Aalborg Alliancen.")
            .Resolve(c => Enum.Parse<MembershipStatus>(c.Source.MembershipStatus));
        Field(c => c.JoinedOn, nullable: true).Description("When it joined the alliance.");
        Field<IdGraphType>("responsibleConsultantId").Description("Global ID of the responsible consultant (a User).")
            .Resolve(c => c.Source.ResponsibleConsultantId is { } id ? GlobalId.Encode("User", id) : null);
    }
}

public sealed class YieldPositionGraphType : ObjectGraphType<YieldPosition>
{
    public YieldPositionGraphType()
    {
        Name = "YieldPosition";
        Description = "A company's place by yield score among the members of a group, naming no other company. Equal scores share a rank (1, 2, 2, 4).";
        Field(p => p.Group).Description("The group: \"Alliance\", an industry section letter or a size band label.");
        Field(p => p.Rank).Description("1 + the number of members of the group with a higher score.");
        Field(p => p.Of).Description("Members in the group.");
        Field(p => p.Label).Description("Rank and group size as text, e.g. \"3 of 41\".");
        Field(p => p.Percentile, nullable: true).Description("Share (0–100) of the group's other members that scored lower; null when the company is alone.");
        Field(p => p.MedianScore, nullable: true).Description("The group's median score; null when suppressed (in a company's own view for groups smaller than the suppression threshold).");
        Field(p => p.MedianSuppressed).Description("True when the median was hidden because the group is small.");
    }
}

public sealed class YieldTrendPointGraphType : ObjectGraphType<YieldTrendPoint>
{
    public YieldTrendPointGraphType()
    {
        Name = "YieldTrendPoint";
        Description = "The measures of one period of a series.";
        Field<NonNullGraphType<StringGraphType>>("period").Description("The period as `period` arguments write it, e.g. \"2025-Q2\" (a partial one at the series' edges, e.g. \"2025-02..2025-03\").").Resolve(c => c.Source.Period.Label);
        Field<NonNullGraphType<DateOnlyGraphType>>("from").Description("First day of the period.").Resolve(c => c.Source.Period.Start);
        Field<NonNullGraphType<DateOnlyGraphType>>("to").Description("Last day of the period.").Resolve(c => c.Source.Period.End);
        Field<NonNullGraphType<YieldMeasuresGraphType>>("measures").Description("The measures of the period.").Resolve(c => c.Source.Measures);
        Field(p => p.Score, nullable: true).Description("The company's yield score in the period; null for the alliance and when withheld (scoreSuppressed).");
        Field(p => p.ScoreSuppressed).Description("True when the company's score for the period is withheld from a company user, on the same rule as partnerYield.score.");
    }
}

public sealed class YieldGrainGraphType : EnumerationGraphType<YieldGrain>
{
    public YieldGrainGraphType()
    {
        Name = "YieldGrain";
        Description = "The length of each period of a trend.";
    }
}
