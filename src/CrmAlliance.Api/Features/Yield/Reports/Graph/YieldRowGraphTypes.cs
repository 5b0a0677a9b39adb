using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Yield.Reports.Graph;

public sealed class YieldMeasureGraphType : EnumerationGraphType<YieldMeasure>
{
    public YieldMeasureGraphType()
    {
        Name = "YieldMeasure";
        Description = "A figure whose rows `yieldRows` lists; each counts what YieldMeasures reports under the same name.";
    }
}

public sealed class YieldRowInterface : InterfaceGraphType<YieldRow>
{
    public YieldRowInterface()
    {
        Name = "YieldRow";
        Description = "A read-model row behind a yield figure; `sourceId` opens the CRM record it was derived from.";
        Field<NonNullGraphType<IdGraphType>>("sourceId").Description("Global ID of the source record (a Placement, Vacancy, ContactLog or Pledge).");
        Field<NonNullGraphType<IdGraphType>>("companyId").Description("Global ID of the company.");
        Field<NonNullGraphType<FloatGraphType>>("amount").Description("What the row adds to the figure: 1 for counts, positions for positionsOffered, days inside the period for placementDays, pro-rated positions for pledged.");
    }
}

/// <summary>The fields every row type shares, resolved the same way.</summary>
internal static class YieldRowFields
{
    public static void Add<T>(ObjectGraphType<T> type, string sourceType, Func<T, Guid> sourceId)
        where T : YieldRow
    {
        type.Interface<YieldRowInterface>();
        type.IsTypeOf = o => o is T;
        type.Field<NonNullGraphType<IdGraphType>>("sourceId").Description($"Global ID of the {sourceType}.").Resolve(c => GlobalId.Encode(sourceType, sourceId(c.Source)));
        type.Field<NonNullGraphType<IdGraphType>>("companyId").Description("Global ID of the company.").Resolve(c => GlobalId.Encode("Company", c.Source.CompanyId));
        type.Field<NonNullGraphType<FloatGraphType>>("amount").Description("What the row adds to the figure.").Resolve(c => c.Source.Amount);
    }
}

public sealed class YieldPlacementRowGraphType : ObjectGraphType<YieldPlacementRow>
{
    public YieldPlacementRowGraphType()
    {
        Name = "YieldPlacementRow";
        Description = "A placement that started, as the yield counts it.";
        YieldRowFields.Add(this, "Placement", r => r.Fact.PlacementId);
        Field<IdGraphType>("vacancyId").Description("Global ID of the vacancy it filled, if any.").Resolve(c => c.Source.Fact.VacancyId is { } id ? GlobalId.Encode("Vacancy", id) : null);
        Field<NonNullGraphType<EnumerationGraphType<OfferKind>>>("offerKind").Description("The offer kind.").Resolve(c => Enum.Parse<OfferKind>(c.Source.Fact.OfferKind));
        Field<NonNullGraphType<EnumerationGraphType<TargetGroup>>>("targetGroup").Description("The candidate's target group.").Resolve(c => Enum.Parse<TargetGroup>(c.Source.Fact.TargetGroup));
        Field<NonNullGraphType<DateOnlyGraphType>>("startedOn").Description("Actual start.").Resolve(c => c.Source.Fact.StartedOn);
        Field<DateOnlyGraphType>("endedOn").Description("Actual end; null while running.").Resolve(c => c.Source.Fact.EndedOn);
        Field<NonNullGraphType<BooleanGraphType>>("endedEarly").Description("The consultant ended it early (status ENDED_EARLY); false for a placement completed as planned, even when its actual end came before its planned end.").Resolve(c => c.Source.Fact.EndedEarly);
        Field<EnumerationGraphType<EndResult>>("endResult").Description("The recorded end result, if any.").Resolve(c => c.Source.Fact.EndResult is { } result ? Enum.Parse<EndResult>(result) : null);
        Field<BooleanGraphType>("selfSupportingAfter1Month").Description("Follow-up 1 month after the end; null until recorded.").Resolve(c => c.Source.Fact.SelfSupporting1);
        Field<BooleanGraphType>("selfSupportingAfter3Months").Description("Follow-up 3 months after the end; null until recorded.").Resolve(c => c.Source.Fact.SelfSupporting3);
        Field<BooleanGraphType>("selfSupportingAfter6Months").Description("Follow-up 6 months after the end; null until recorded.").Resolve(c => c.Source.Fact.SelfSupporting6);
        Field<BooleanGraphType>("selfSupportingAfter12Months").Description("Follow-up 12 months after the end; null until recorded.").Resolve(c => c.Source.Fact.SelfSupporting12);
        Field(r => r.DaysInPeriod).Description("Its days inside the period (running placements up to the day the read model has booked).");
    }
}

public sealed class YieldVacancyRowGraphType : ObjectGraphType<YieldVacancyRow>
{
    public YieldVacancyRowGraphType()
    {
        Name = "YieldVacancyRow";
        Description = "A published vacancy, as the yield counts it.";
        YieldRowFields.Add(this, "Vacancy", r => r.Fact.VacancyId);
        Field<NonNullGraphType<EnumerationGraphType<OfferKind>>>("offerKind").Description("The offer kind.").Resolve(c => Enum.Parse<OfferKind>(c.Source.Fact.OfferKind));
        Field<NonNullGraphType<IntGraphType>>("positions").Description("Positions offered.").Resolve(c => c.Source.Fact.Positions);
        Field<NonNullGraphType<DateOnlyGraphType>>("postedOn").Description("The Danish calendar day it was first published.").Resolve(c => c.Source.Fact.PostedOn);
    }
}

public sealed class YieldContactRowGraphType : ObjectGraphType<YieldContactRow>
{
    public YieldContactRowGraphType()
    {
        Name = "YieldContactRow";
        Description = "A logged contact with the company, as the yield counts it.";
        YieldRowFields.Add(this, "ContactLog", r => r.Fact.ContactLogId);
        Field<NonNullGraphType<DateOnlyGraphType>>("occurredOn").Description("The Danish calendar day of the contact.").Resolve(c => c.Source.Fact.OccurredOn);
    }
}

public sealed class YieldPledgeRowGraphType : ObjectGraphType<YieldPledgeRow>
{
    public YieldPledgeRowGraphType()
    {
        Name = "YieldPledgeRow";
        Description = "A pledge, as the yield counts it.";
        YieldRowFields.Add(this, "Pledge", r => r.Fact.PledgeId);
        Field<NonNullGraphType<DateOnlyGraphType>>("periodStart").Description("First day of the pledge.").Resolve(c => c.Source.Fact.PeriodStart);
        Field<NonNullGraphType<DateOnlyGraphType>>("periodEnd").Description("Last day of the pledge.").Resolve(c => c.Source.Fact.PeriodEnd);
        Field<NonNullGraphType<IntGraphType>>("ordinaryJobs").Description("Ordinary jobs pledged over the whole pledge.").Resolve(c => c.Source.Fact.OrdinaryJobs);
        Field<NonNullGraphType<IntGraphType>>("internships").Description("Internships pledged.").Resolve(c => c.Source.Fact.Internships);
        Field<NonNullGraphType<IntGraphType>>("wageSubsidyJobs").Description("Wage-subsidy jobs pledged.").Resolve(c => c.Source.Fact.WageSubsidyJobs);
        Field<NonNullGraphType<IntGraphType>>("adultApprenticeships").Description("Adult apprenticeships pledged.").Resolve(c => c.Source.Fact.AdultApprenticeships);
        Field<NonNullGraphType<IntGraphType>>("flexJobs").Description("Flex jobs pledged.").Resolve(c => c.Source.Fact.FlexJobs);
        Field<NonNullGraphType<IntGraphType>>("mentors").Description("Mentors pledged.").Resolve(c => c.Source.Fact.Mentors);
    }
}
