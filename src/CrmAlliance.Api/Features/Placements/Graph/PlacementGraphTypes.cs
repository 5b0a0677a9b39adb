using CrmAlliance.Api.Features.Accounts.Graph;
using CrmAlliance.Api.Features.Candidates.Graph;
using CrmAlliance.Api.Features.Companies.Graph;
using CrmAlliance.Api.Features.Outcomes.Graph;
using CrmAlliance.Api.Features.Vacancies.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Placements.Graph;

public sealed class PlacementGraphType : ObjectGraphType<PlacementView>
{
    public PlacementGraphType()
    {
        Name = "Placement";
        Description = "A candidate at a company in one offer kind (forløb), from proposal to end, with the rules' records.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is PlacementView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("Placement", c.Source.Id));
        Field(p => p.Version).Description("Send this back with every change to the placement; a stale version is refused with CONFLICT.");
        Field(p => p.CandidateAlias).Description("The candidate's display alias: all a company user learns of the candidate.");
        Field<IdGraphType>("candidateId").Description("Global ID of the candidate (a Candidate). Staff only: refused with FORBIDDEN for company users.")
            .Resolve(c => GlobalId.Encode("Candidate", PlacementQueries.CandidateOf(c.Source, c.Actor()).Id));
        Field<CandidateGraphType>("candidate").Description("The candidate. Staff only: refused with FORBIDDEN for company users.")
            .Resolve(c => CandidatesSchema.LoadCandidate(c, PlacementQueries.CandidateOf(c.Source, c.Actor()).Id));
        Field<EnumerationGraphType<TargetGroup>>("candidateTargetGroup").Description("The candidate's target group. Staff only: refused with FORBIDDEN for company users.")
            .Resolve(c => PlacementQueries.CandidateOf(c.Source, c.Actor()).TargetGroup);
        Field<NonNullGraphType<CompanyGraphType>>("company").Description("The host company.")
            .Resolve(c => CompaniesSchema.LoadCompany(c, c.Source.CompanyId));
        Field<NonNullGraphType<WorkplaceGraphType>>("workplace").Description("The workplace (P-number) where the placement is; the ratio rule counts here.")
            .Resolve(c => CompaniesSchema.LoadWorkplace(c, c.Source.WorkplaceId));
        Field<IdGraphType>("vacancyId").Description("Global ID of the vacancy the placement fills, if any.")
            .Resolve(c => c.Source.VacancyId is { } id ? GlobalId.Encode("Vacancy", id) : null);
        Field<VacancyGraphType>("vacancy").Description("The vacancy the placement fills, if any.")
            .Resolve(c => c.Source.VacancyId is { } id ? VacanciesSchema.LoadVacancy(c, id) : null);
        Field(p => p.OfferKind).Description("What kind of offer the placement is.");
        Field<InternshipPurposeGraphType>("purpose").Description("Why the internship is held; null for other kinds.").Resolve(c => c.Source.Purpose);
        Field(p => p.PlannedStart).Description("Planned first day.");
        Field(p => p.PlannedEnd).Description("Planned last day (included).");
        Field(p => p.ActualStart, nullable: true).Description("First day, once started.");
        Field(p => p.ActualEnd, nullable: true).Description("Last day, once ended.");
        Field<NonNullGraphType<PlacementStatusGraphType>>("status").Description("Where the placement is in its life.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementStatusGraphType>>>>("nextStatuses")
            .Description("The statuses the placement may move to from its current one.")
            .Resolve(c => PlacementStateMachine.NextStatuses(c.Source.Status));
        Field(p => p.ApprovedAt, nullable: true).Description("When a consultant approved the placement; null until approved, and for placements approved before approvals were recorded.");
        Field<UserGraphType>("approvedBy").Description("The consultant who approved the placement; null until approved, and when you may not see that user (company users).")
            .Resolve(c => c.Source.ApprovedBy is { } user ? AccountsSchema.LoadUser(c, user) : null);
        Field(p => p.EndReason, nullable: true).Description("Why the placement ended early or was called off.");
        Field<EmployeeRepStatementGraphType>("employeeRepStatement").Description("The employee representative's statement, required before an internship or wage subsidy starts.")
            .Resolve(c => c.Source.EmployeeRepStatement);
        Field<WageSubsidyConfirmationGraphType>("wageSubsidyConfirmation").Description("The confirmation of additional employment, required before a wage subsidy is approved.")
            .Resolve(c => c.Source.WageSubsidyConfirmation);
        Field<ListGraphType<NonNullGraphType<RuleExemptionGraphType>>>("exemptions")
            .Description("Rules this placement is exempted from, with reasons. Staff only: null with FORBIDDEN for company users.")
            .Resolve(c => PlacementsSchema.LoadExemptions(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeGraphType>>>>("outcomes")
            .Description("How the placement turned out: at the end and at the follow-ups. Staff only: a company user gets an empty list.")
            .Resolve(c => OutcomesSchema.LoadOutcomes(c, c.Source.Id));
        Field(p => p.CreatedAt).Description("When the placement was proposed.");
    }
}

public sealed class EmployeeRepStatementGraphType : ObjectGraphType<EmployeeRepStatementView>
{
    public EmployeeRepStatementGraphType()
    {
        Name = "EmployeeRepStatement";
        Description = "The statement of the workplace's employee representative (or shop steward) on an internship or wage subsidy.";
        Field(s => s.RepresentativeName).Description("Who gave the statement.");
        Field(s => s.GivenOn).Description("When it was given.");
        Field(s => s.IsPositive).Description("True when the representative is in favour. A negative statement is recorded; it does not block the start.");
        Field(s => s.Comment, nullable: true).Description("What the representative said.");
        Field<NonNullGraphType<IdGraphType>>("recordedBy").Description("Global ID of the user who recorded it.").Resolve(c => GlobalId.Encode("User", c.Source.RecordedBy));
    }
}

public sealed class WageSubsidyConfirmationGraphType : ObjectGraphType<WageSubsidyConfirmationView>
{
    public WageSubsidyConfirmationGraphType()
    {
        Name = "WageSubsidyConfirmation";
        Description = "A consultant's confirmation that a wage-subsidy post is additional employment (merbeskæftigelse), with the figures it rests on.";
        Field(w => w.HeadcountLastMonth).Description("Ordinary headcount last month.");
        Field(w => w.AverageHeadcount12Months).Description("Average ordinary headcount over the previous 12 months.");
        Field(w => w.NoDismissalWithin3Months).Description("True when the post was not vacated by a dismissal within the previous 3 months.");
        Field<NonNullGraphType<IdGraphType>>("confirmedBy").Description("Global ID of the consultant who confirmed.").Resolve(c => GlobalId.Encode("User", c.Source.ConfirmedBy));
        Field(w => w.ConfirmedAt).Description("When it was confirmed.");
    }
}

public sealed class RuleExemptionGraphType : ObjectGraphType<RuleExemptionView>
{
    public RuleExemptionGraphType()
    {
        Name = "RuleExemption";
        Description = "A consultant's recorded exemption of a placement from a rule, with the reason; listed for management and the union side.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("RuleExemption", c.Source.Id));
        Field<NonNullGraphType<PlacementRuleGraphType>>("rule").Description("The rule the placement is exempted from.").Resolve(c => c.Source.Rule);
        Field(e => e.Reason).Description("Why.");
        Field(e => e.RecordedAt).Description("When it was recorded.");
        Field<UserGraphType>("recordedBy").Description("The consultant who recorded it.").Resolve(c => AccountsSchema.LoadUser(c, c.Source.RecordedBy));
        Field<PlacementGraphType>("placement").Description("The exempted placement.").Resolve(c => PlacementsSchema.LoadPlacement(c, c.Source.PlacementId));
    }
}

public sealed class PlacementStatusGraphType : EnumerationGraphType<PlacementStatus>
{
    public PlacementStatusGraphType()
    {
        Name = "PlacementStatus";
        Description = "PROPOSED → APPROVED → ACTIVE → COMPLETED; ENDED_EARLY when called off before the start or broken off while active.";
    }
}

public sealed class InternshipPurposeGraphType : EnumerationGraphType<InternshipPurpose>
{
    public InternshipPurposeGraphType()
    {
        Name = "InternshipPurpose";
        Description = "Why an internship is held: hiring, up-skilling or clarification of the candidate's abilities.";
    }
}

public sealed class PlacementRuleGraphType : EnumerationGraphType<PlacementRule>
{
    public PlacementRuleGraphType()
    {
        Name = "PlacementRule";
        Description = "The rules a consultant may exempt a placement from, with a reason: the ratio rule, additional employment (wage subsidy) and the maximum duration.";
    }
}
