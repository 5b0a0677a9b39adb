using CrmAlliance.Api.Features.Companies.Graph;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Features.Matches.Graph;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Vacancies.Graph;

public sealed class VacancyGraphType : ObjectGraphType<VacancyView>
{
    public VacancyGraphType()
    {
        Name = "Vacancy";
        Description = "An offer of one or more positions of one kind at a company's workplace (stilling, jobordre).";
        Interface<NodeInterface>();
        IsTypeOf = o => o is VacancyView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("Vacancy", c.Source.Id));
        Field(v => v.Version).Description("Send this back when you update the vacancy or change its status; a stale version is refused with CONFLICT.");
        Field<NonNullGraphType<CompanyGraphType>>("company").Description("The company offering the vacancy.")
            .Resolve(c => CompaniesSchema.LoadCompany(c, c.Source.CompanyId));
        Field<NonNullGraphType<WorkplaceGraphType>>("workplace").Description("The workplace where the positions are.")
            .Resolve(c => CompaniesSchema.LoadWorkplace(c, c.Source.WorkplaceId));
        Field(v => v.OfferKind).Description("The kind of offer: ordinary job, internship, wage subsidy, adult apprenticeship, flex job or mentor.");
        Field(v => v.OccupationCode).Description("DISCO-08 occupation code (4 to 6 digits).");
        Field<StringGraphType>("occupationTitle").Description("The English title of the occupation code's unit group (ISCO-08; for DISCO-08's own unit groups 2343 and 2357, that of the ISCO-08 group above).")
            .Resolve(c => c.Service<ReferenceCatalog>().FindOccupation(c.Source.OccupationCode)?.Title);
        Field<StringGraphType>("occupationTitleDa").Description("The Danish title of the occupation code (DISCO-08): its six-digit job category's when DISCO-08 has it, else its unit group's; null for the few ISCO-08 unit groups DISCO-08 leaves out.")
            .Resolve(c => c.Service<ReferenceCatalog>().FindMostSpecificOccupation(c.Source.OccupationCode)?.TitleDa);
        Field(v => v.Title).Description("The job title as the company advertises it.");
        Field(v => v.Description).Description("What the job is; may be empty.");
        Field(v => v.Positions).Description("How many people the company will take (1 to 500).");
        Field(v => v.HoursPerWeek).Description("Weekly hours (1 to 48; flex jobs often have few).");
        Field(v => v.StartDate).Description("When the positions start.");
        Field(v => v.ApplicationDeadline, nullable: true).Description("Last day to apply; an open vacancy expires when this day is over.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("requiredSkills").Description("Skills the company asks for, each at most 100 characters.")
            .Resolve(c => c.Source.RequiredSkills);
        Field(v => v.Status).Description("DRAFT, OPEN, FILLED, CLOSED or EXPIRED.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VacancyTransitionGraphType>>>>("allowedTransitions")
            .Description("The transitions `changeVacancyStatus` accepts from the current status (publishing and reopening also need dates that have not passed).")
            .Resolve(c => VacancyStateMachine.UserTransitionsFrom(c.Source.Status));
        Field(v => v.CreatedAt).Description("When the vacancy was posted.");
        Field(v => v.PublishedAt, nullable: true).Description("When the vacancy was first published; null while it is a draft that never was.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MatchGraphType>>>>("matches")
            .Description("Candidates the matching service proposed, best first (jobcenter staff only; company users are refused). By default the current ones: SUGGESTED, ACCEPTED and DISMISSED.")
            .Argument<ListGraphType<NonNullGraphType<MatchStatusGraphType>>>("statuses", "Only matches in these statuses.")
            .Resolve(c => MatchesSchema.LoadVacancyMatches(c, c.Source.Id, c.GetArgument<List<MatchStatus>?>("statuses")));
        Field<NonNullGraphType<MatchQualityGraphType>>("matchQuality")
            .Description("How consultants received the suggestions for this vacancy: accept and dismiss rates (jobcenter staff only).")
            .Resolve(c => MatchesSchema.LoadVacancyMatchQuality(c, c.Source.Id));
    }
}

/// <summary>Only the transitions people may ask for: expiry is the system's.</summary>
public sealed class VacancyTransitionGraphType : EnumerationGraphType
{
    public VacancyTransitionGraphType()
    {
        Name = "VacancyTransition";
        Description = "A change of a vacancy's status.";
        Add("PUBLISH", VacancyTransition.Publish, "DRAFT → OPEN: offer the vacancy to candidates.");
        Add("MARK_FILLED", VacancyTransition.MarkFilled, "OPEN → FILLED: all positions are taken.");
        Add("CLOSE", VacancyTransition.Close, "DRAFT or OPEN → CLOSED: withdrawn without being filled.");
        Add("REOPEN", VacancyTransition.Reopen, "FILLED, CLOSED or EXPIRED → OPEN, while the start date has not passed; send a new applicationDeadline if the old one has passed.");
    }
}

public sealed class VacancySortGraphType : EnumerationGraphType<VacancySort>
{
    public VacancySortGraphType()
    {
        Name = "VacancySort";
        Description = "How to sort vacancies.";
    }
}

public sealed class VacancyFilterInputGraphType : CrmInputObjectGraphType<VacancyFilter>
{
    public VacancyFilterInputGraphType()
    {
        Name = "VacancyFilter";
        Description = "Narrows a vacancy search; all given conditions must hold.";
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<OfferKind>>>>("offerKinds").Description("Any of these offer kinds.");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<VacancyStatus>>>>("statuses").Description("Any of these statuses.");
        Field(f => f.OccupationCodePrefix, nullable: true).Description("DISCO-08 code or its leading digits, e.g. \"7233\" or \"72\".");
        OptionalIdField(f => f.CompanyId, "Company", "The company.");
        Field(f => f.StartFrom, nullable: true).Description("Start date on or after this day.");
        Field(f => f.StartTo, nullable: true).Description("Start date on or before this day.");
        Field(f => f.DeadlineFrom, nullable: true).Description("Application deadline on or after this day.");
        Field(f => f.DeadlineTo, nullable: true).Description("Application deadline on or before this day.");
        Field(f => f.TitleContains, nullable: true).Description("Part of the title, case-insensitive.");
    }
}

public sealed class PostVacancyInputGraphType : CrmInputObjectGraphType<PostVacancyInput>
{
    public PostVacancyInputGraphType()
    {
        Name = "PostVacancyInput";
        Description = "A new vacancy.";
        IdField(i => i.CompanyId, "Company", "The company offering it (a company user: its own).");
        IdField(i => i.WorkplaceId, "Workplace", "One of the company's workplaces.");
        Field(i => i.OfferKind).Description("The kind of offer.");
        Field(i => i.OccupationCode).Description("DISCO-08 code (4 to 6 digits); pick one from `occupations`.");
        Field(i => i.Title).Description("Job title, at most 200 characters.");
        Field(i => i.Description, nullable: true).Description("What the job is, at most 8000 characters.");
        Field(i => i.Positions).Description("How many people (1 to 500).");
        Field(i => i.HoursPerWeek).Description("Weekly hours (1 to 48).");
        Field(i => i.StartDate).Description("When the positions start; not in the past.");
        Field(i => i.ApplicationDeadline, nullable: true).Description("Last day to apply; not in the past and not after the start date.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("requiredSkills").Description("At most 30 skills of at most 100 characters; trimmed, duplicates dropped.");
        Field(i => i.Publish, nullable: true).Description("True to open it at once; false (default) to keep it as a draft.");
    }
}

public sealed class UpdateVacancyInputGraphType : CrmInputObjectGraphType<UpdateVacancyInput>
{
    public UpdateVacancyInputGraphType()
    {
        Name = "UpdateVacancyInput";
        Description = "The whole editable record of a draft or open vacancy, with the version you read.";
        IdField(i => i.Id, "Vacancy", "The vacancy.");
        Field(i => i.Version).Description("The version you read.");
        IdField(i => i.WorkplaceId, "Workplace", "One of the company's workplaces.");
        Field(i => i.OfferKind).Description("The kind of offer.");
        Field(i => i.OccupationCode).Description("DISCO-08 code (4 to 6 digits).");
        Field(i => i.Title).Description("Job title, at most 200 characters.");
        Field(i => i.Description, nullable: true).Description("What the job is, at most 8000 characters.");
        Field(i => i.Positions).Description("How many people (1 to 500).");
        Field(i => i.HoursPerWeek).Description("Weekly hours (1 to 48).");
        Field(i => i.StartDate).Description("When the positions start; a changed date may not be in the past.");
        Field(i => i.ApplicationDeadline, nullable: true).Description("Last day to apply; not after the start date, and a changed deadline not in the past.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("requiredSkills").Description("At most 30 skills of at most 100 characters; trimmed, duplicates dropped.");
    }
}

public sealed class ChangeVacancyStatusInputGraphType : CrmInputObjectGraphType<ChangeVacancyStatusInput>
{
    public ChangeVacancyStatusInputGraphType()
    {
        Name = "ChangeVacancyStatusInput";
        Description = "A status change of a vacancy, with the version you read.";
        IdField(i => i.Id, "Vacancy", "The vacancy.");
        Field(i => i.Version).Description("The version you read.");
        Field<NonNullGraphType<VacancyTransitionGraphType>>("transition").Description("What to do.");
        Field(i => i.ApplicationDeadline, nullable: true).Description("With REOPEN only: a new application deadline, needed when the old one has passed.");
    }
}
