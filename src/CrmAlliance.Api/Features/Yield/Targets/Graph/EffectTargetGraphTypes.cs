using CrmAlliance.Api.Features.Accounts.Graph;
using CrmAlliance.Api.Features.Companies.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Yield.Targets.Graph;

public sealed class TargetMeasureGraphType : EnumerationGraphType
{
    public TargetMeasureGraphType()
    {
        Name = "TargetMeasure";
        Description = "A rate an effect target is set for; each is a share of a count, and higher is better.";
        Add("WORK_OR_EDUCATION", TargetMeasure.WorkOrEducation, "Placements ended in ordinary work, a flex job or education, of those ended with a recorded result.");
        Add("SELF_SUPPORTING_AFTER_1_MONTH", TargetMeasure.SelfSupportingAfter1Month, "Self-supporting 1 month after the end, of placements ended in the period with that follow-up recorded.");
        Add("SELF_SUPPORTING_AFTER_3_MONTHS", TargetMeasure.SelfSupportingAfter3Months, "Self-supporting 3 months after the end, likewise.");
        Add("SELF_SUPPORTING_AFTER_6_MONTHS", TargetMeasure.SelfSupportingAfter6Months, "Self-supporting 6 months after the end, likewise.");
        Add("SELF_SUPPORTING_AFTER_12_MONTHS", TargetMeasure.SelfSupportingAfter12Months, "Self-supporting 12 months after the end, likewise.");
        Add("CONVERSION", TargetMeasure.Conversion, "Internships and wage-subsidy placements that ended in an ordinary hire, of those ended with a recorded result.");
        Add("REACH", TargetMeasure.Reach, "Placements started by candidates far from the labour market, of all placements started.");
    }
}

public sealed class TargetStatusGraphType : EnumerationGraphType<TargetStatus>
{
    public TargetStatusGraphType()
    {
        Name = "TargetStatus";
        Description = "Result against target: MET (at or above), NOT_MET, NO_DATA (nothing to measure in the period) or SUPPRESSED (counts too small to show you).";
    }
}

public sealed class EffectTargetGraphType : ObjectGraphType<EffectTargetView>
{
    public EffectTargetGraphType()
    {
        Name = "EffectTarget";
        Description = "A target management set for a year (effektmål), e.g. 60 % of wage-subsidy placements self-supporting after 6 months.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("EffectTarget", c.Source.Id));
        Field(t => t.Year).Description("The calendar year the target is for.");
        Field<EnumerationGraphType<OfferKind>>("offerKind").Description("The offer kind it is for; null for every kind.").Resolve(c => c.Source.OfferKind);
        Field<EnumerationGraphType<TargetGroup>>("targetGroup").Description("The target group it is for; null for every group.").Resolve(c => c.Source.TargetGroup);
        Field<NonNullGraphType<TargetMeasureGraphType>>("measure").Description("The rate the target is for.").Resolve(c => c.Source.Measure);
        Field(t => t.TargetPercent).Description("The target in percent (0–100).");
        Field<UserGraphType>("setBy").Description("Who set the current value; null if you may not see that user.").Resolve(c => AccountsSchema.LoadUser(c, c.Source.SetBy));
        Field(t => t.SetAt).Description("When the current value was set.");
        Field(t => t.Version).Description("Send this back when you change the target; a stale version is refused with CONFLICT.");
    }
}

public sealed class EffectTargetResultGraphType : ObjectGraphType<EffectTargetResult>
{
    public EffectTargetResultGraphType()
    {
        Name = "EffectTargetResult";
        Description = "One target against the period's result in the target's offer kind and target group.";
        Field<NonNullGraphType<EffectTargetGraphType>>("target").Description("The target.").Resolve(c => c.Source.Target);
        Field(r => r.Count, nullable: true).Description("The rate's count (e.g. self-supporting after 6 months); null when suppressed.");
        Field(r => r.Base, nullable: true).Description("The rate's base (e.g. placements ended with that follow-up recorded); null when suppressed because it is small.");
        Field(r => r.ActualPercent, nullable: true).Description("count / base in percent (two decimals); null when suppressed or when the base is 0.");
        Field<NonNullGraphType<TargetStatusGraphType>>("status").Description("Result against target.").Resolve(c => c.Source.Status);
        Field(r => r.Suppressed).Description("True when counts were withheld because they are too small to show to you.");
    }
}

public sealed class EffectTargetResultsGraphType : ObjectGraphType<EffectTargetResultsView>
{
    public EffectTargetResultsGraphType()
    {
        Name = "EffectTargetResults";
        Description = "The effect targets of a year against a company's or the alliance's result for a period.";
        Field(r => r.Period).Description("The period, as read back (e.g. 2025, 2025-Q2, 2025-01..2025-06).");
        Field(r => r.TargetYear).Description("The year whose targets apply: the year the period's last month falls in.");
        Field<CompanyGraphType>("company").Description("The company; null for the whole alliance.")
            .Resolve(c => c.Source.CompanyId is { } id ? CompaniesSchema.LoadCompany(c, id) : null);
        Field(r => r.DefinitionVersion).Description("The yield definition version (with its fingerprint) that produced the figures.");
        Field(r => r.SuppressionThreshold, nullable: true)
            .Description("Counts from 1 to this minus 1, and rates that would reveal them, are withheld (company users); null when nothing is withheld.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EffectTargetResultGraphType>>>>("results").Description("One per target of the target year.").Resolve(c => c.Source.Results);
    }
}

public sealed class SetEffectTargetInputGraphType : CrmInputObjectGraphType<SetEffectTargetInput>
{
    public SetEffectTargetInputGraphType()
    {
        Name = "SetEffectTargetInput";
        Description = "A new effect target (leave id and version out), or the whole target as it should now read (with id and the version you read).";
        OptionalIdField(i => i.Id, "EffectTarget", "The target to change; leave out to set a new one.");
        Field(i => i.Version, nullable: true).Description("The version you read; required with id.");
        Field(i => i.Year).Description("The calendar year (2000–2100).");
        Field<EnumerationGraphType<OfferKind>>("offerKind").Description("The offer kind; leave out for every kind.");
        Field<EnumerationGraphType<TargetGroup>>("targetGroup").Description("The target group; leave out for every group (REACH targets always are).");
        Field<NonNullGraphType<TargetMeasureGraphType>>("measure").Description("The rate the target is for.");
        Field(i => i.TargetPercent).Description("The target in percent, 0–100, at most two decimals.");
    }
}
