using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Placements.Graph;

public sealed class PlacementFilterInputGraphType : CrmInputObjectGraphType<PlacementFilter>
{
    public PlacementFilterInputGraphType()
    {
        Name = "PlacementFilter";
        Description = "Narrows a placement search; all given conditions must hold.";
        Field<ListGraphType<NonNullGraphType<PlacementStatusGraphType>>>("statuses").Description("Any of these statuses.");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<OfferKind>>>>("offerKinds").Description("Any of these offer kinds.");
        OptionalIdField(f => f.CompanyId, "Company", "Only this company's placements.");
        Field(f => f.PeriodFrom, nullable: true).Description("Only placements whose planned period ends on or after this day.");
        Field(f => f.PeriodTo, nullable: true).Description("Only placements whose planned period starts on or before this day.");
    }
}

public sealed class RuleExemptionInputGraphType : InputObjectGraphType<RuleExemptionInput>
{
    public RuleExemptionInputGraphType()
    {
        Name = "RuleExemptionInput";
        Description = "An exemption from a rule, with the reason.";
        Field<NonNullGraphType<PlacementRuleGraphType>>("rule").Description("The rule.");
        Field(e => e.Reason).Description("Why the rule does not apply, e.g. \"two people are hired on 1 March\".");
    }
}

public sealed class ProposePlacementInputGraphType : CrmInputObjectGraphType<ProposePlacementInput>
{
    public ProposePlacementInputGraphType()
    {
        Name = "ProposePlacementInput";
        Description = "A proposed placement.";
        IdField(i => i.CandidateId, "Candidate", "The candidate.");
        IdField(i => i.CompanyId, "Company", "The host company.");
        IdField(i => i.WorkplaceId, "Workplace", "The workplace; it must belong to the company.");
        OptionalIdField(i => i.VacancyId, "Vacancy", "The vacancy it fills: the company's, OPEN, of the same offer kind.");
        Field(i => i.OfferKind).Description("The kind of placement.");
        Field<InternshipPurposeGraphType>("purpose").Description("Required for an INTERNSHIP; refused for other kinds.");
        Field(i => i.PlannedStart).Description("Planned first day.");
        Field(i => i.PlannedEnd).Description("Planned last day (included); after the start.");
        Field<ListGraphType<NonNullGraphType<RuleExemptionInputGraphType>>>("exemptions").Description("Exemptions to record with the proposal (RATIO_RULE, MAXIMUM_DURATION, ADDITIONAL_EMPLOYMENT).");
    }
}

public sealed class RecordEmployeeRepStatementInputGraphType : CrmInputObjectGraphType<RecordEmployeeRepStatementInput>
{
    public RecordEmployeeRepStatementInputGraphType()
    {
        Name = "RecordEmployeeRepStatementInput";
        Description = "The employee representative's statement on an internship or wage subsidy.";
        IdField(i => i.PlacementId, "Placement", "The placement.");
        Field(i => i.Version).Description("The version of the placement you read.");
        Field(i => i.RepresentativeName).Description("The employee representative or shop steward who gave it.");
        Field(i => i.GivenOn).Description("When it was given; not in the future.");
        Field(i => i.IsPositive).Description("True when in favour.");
        Field(i => i.Comment, nullable: true).Description("What was said.");
    }
}

public sealed class ConfirmAdditionalEmploymentInputGraphType : CrmInputObjectGraphType<ConfirmAdditionalEmploymentInput>
{
    public ConfirmAdditionalEmploymentInputGraphType()
    {
        Name = "ConfirmAdditionalEmploymentInput";
        Description = "The consultant's confirmation that a wage-subsidy post is additional employment.";
        IdField(i => i.PlacementId, "Placement", "The wage-subsidy placement.");
        Field(i => i.Version).Description("The version of the placement you read.");
        Field(i => i.HeadcountLastMonth, nullable: true).Description("Ordinary headcount last month; defaults to the workplace's reported ordinary employees.");
        Field(i => i.AverageHeadcount12Months, nullable: true).Description("Average over the previous 12 months; defaults to the workplace's reported average.");
        Field(i => i.NoDismissalWithin3Months).Description("True when the post was not vacated by a dismissal within the previous 3 months.");
    }
}

public sealed class RecordRuleExemptionInputGraphType : CrmInputObjectGraphType<RecordRuleExemptionInput>
{
    public RecordRuleExemptionInputGraphType()
    {
        Name = "RecordRuleExemptionInput";
        Description = "An exemption of a placement from a rule, with the reason.";
        IdField(i => i.PlacementId, "Placement", "The placement.");
        Field(i => i.Version).Description("The version of the placement you read.");
        Field<NonNullGraphType<PlacementRuleGraphType>>("rule").Description("The rule.");
        Field(i => i.Reason).Description("Why the rule does not apply.");
    }
}

public sealed class ApprovePlacementInputGraphType : CrmInputObjectGraphType<ApprovePlacementInput>
{
    public ApprovePlacementInputGraphType()
    {
        Name = "ApprovePlacementInput";
        Description = "Approves a proposed placement.";
        IdField(i => i.Id, "Placement", "The placement.");
        Field(i => i.Version).Description("The version you read.");
    }
}

public sealed class StartPlacementInputGraphType : CrmInputObjectGraphType<StartPlacementInput>
{
    public StartPlacementInputGraphType()
    {
        Name = "StartPlacementInput";
        Description = "Records that an approved placement has started.";
        IdField(i => i.Id, "Placement", "The placement.");
        Field(i => i.Version).Description("The version you read.");
        Field(i => i.ActualStart).Description("The first day; not in the future.");
    }
}

public sealed class EndPlacementInputGraphType : CrmInputObjectGraphType<EndPlacementInput>
{
    public EndPlacementInputGraphType()
    {
        Name = "EndPlacementInput";
        Description = "Records that an active placement has ended.";
        IdField(i => i.Id, "Placement", "The placement.");
        Field(i => i.Version).Description("The version you read.");
        Field(i => i.ActualEnd).Description("The last day; not before the start, not in the future.");
        Field(i => i.EndedEarly, nullable: true).Description("True when it was broken off (ENDED_EARLY); default false (COMPLETED).");
        Field(i => i.Reason, nullable: true).Description("Why it ended; required when it ended early.");
    }
}

public sealed class CancelPlacementInputGraphType : CrmInputObjectGraphType<CancelPlacementInput>
{
    public CancelPlacementInputGraphType()
    {
        Name = "CancelPlacementInput";
        Description = "Calls off a placement that has not started.";
        IdField(i => i.Id, "Placement", "The placement.");
        Field(i => i.Version).Description("The version you read.");
        Field(i => i.Reason).Description("Why it was called off.");
    }
}
