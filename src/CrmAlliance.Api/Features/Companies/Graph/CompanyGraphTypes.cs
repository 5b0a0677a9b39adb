using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.ContactLogs.Graph;
using CrmAlliance.Api.Features.Placements.Graph;
using CrmAlliance.Api.Features.Pledges.Graph;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Features.Vacancies.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Companies.Graph;

public sealed class CompanyGraphType : ObjectGraphType<CompanyView>
{
    public CompanyGraphType()
    {
        Name = "Company";
        Description = "A company (virksomhed) identified by its CVR number, with its membership of Aalborg Alliancen.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is CompanyView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("Company", c.Source.Id));
        Field(c => c.Version).Description("Send this back when you update the company; a stale version is refused with CONFLICT.");
        Field(c => c.Cvr).Description("CVR number: 8 digits passing the modulus-11 check.");
        Field(c => c.Name).Description("Registered name.");
        Field(c => c.IndustryCode).Description("DB07 industry code (6 digits; the first four are NACE Rev. 2).");
        Field<StringGraphType>("industryTitle").Description("The NACE Rev. 2 class title of the industry code.")
            .Resolve(c => c.Service<ReferenceData.ReferenceCatalog>().FindIndustry(c.Source.IndustryCode)?.Title);
        Field<StringGraphType>("industryTitleDa").Description("The Danish title of the industry code (DB07): its subclass's, or its class's for a code DB07 does not list.")
            .Resolve(c => c.Service<ReferenceData.ReferenceCatalog>().FindMostSpecificIndustry(c.Source.IndustryCode)?.TitleDa);
        Field(c => c.Address).Description("Street address.");
        Field(c => c.Postcode).Description("Danish postcode.");
        Field(c => c.Sector).Description("Public or private: wage subsidy lasts at most 4 months at a public employer, 6 at a private one.");
        Field(c => c.MembershipStatus).Description("Membership of Aalborg Alliancen.");
        Field(c => c.JoinedOn, nullable: true).Description("When the company joined the alliance.");
        Field<IdGraphType>("responsibleConsultantId").Description("Global ID of the responsible consultant (a User).")
            .Resolve(c => c.Source.ResponsibleConsultantId is { } id ? GlobalId.Encode("User", id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkplaceGraphType>>>>("workplaces")
            .Description("The company's workplaces (production units).")
            .Resolve(c => c.Loaders().ForMany<Guid, WorkplaceView>("company.workplaces", c.Source.Id, (ids, ct) => c.Service<CompanyQueries>().WorkplacesByCompanyAsync(ids, c.Actor(), ct)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompanyContactGraphType>>>>("contacts")
            .Description("Contact persons at the company.")
            .Resolve(c => c.Loaders().ForMany<Guid, CompanyContactView>("company.contacts", c.Source.Id, (ids, ct) => c.Service<CompanyQueries>().ContactsByCompanyAsync(ids, c.Actor(), ct)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VacancyGraphType>>>>("vacancies")
            .Description("The company's vacancies by start date, optionally only those in the given statuses.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<VacancyStatus>>>>("statuses", "Only vacancies in these statuses (default: all).")
            .Resolve(c => VacanciesSchema.LoadCompanyVacancies(c, c.Source.Id, c.GetArgument<List<VacancyStatus>?>("statuses")));
        Field<ListGraphType<NonNullGraphType<ContactLogGraphType>>>("latestContacts")
            .Description("The company's newest logged contacts, newest first (jobcenter staff; refused with FORBIDDEN for company users).")
            .Argument<IntGraphType>("first", $"How many (at most {ContactLogQueries.MaxLatestPerCompany}).", a => a.DefaultValue = ContactLogQueries.DefaultLatestPerCompany)
            .Resolve(c => ContactLogsSchema.LoadLatestContacts(c, c.Source.Id, c.GetArgument("first", ContactLogQueries.DefaultLatestPerCompany)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PledgeGraphType>>>>("pledges")
            .Description("The company's pledges, latest period first (notes are null for company users).")
            .Resolve(c => PledgesSchema.LoadPledges(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementGraphType>>>>("placements")
            .Description("The company's placements, latest planned start first.")
            .Argument<ListGraphType<NonNullGraphType<PlacementStatusGraphType>>>("statuses", "Only placements in these statuses.")
            .Resolve(c => PlacementsSchema.LoadCompanyPlacements(c, c.Source.Id, c.GetArgument<List<Placements.PlacementStatus>?>("statuses")));
    }
}

public sealed class WorkplaceGraphType : ObjectGraphType<WorkplaceView>
{
    public WorkplaceGraphType()
    {
        Name = "Workplace";
        Description = "A production unit (produktionsenhed) identified by its P-number; the ratio rule counts staff here.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is WorkplaceView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("Workplace", c.Source.Id));
        Field<NonNullGraphType<IdGraphType>>("companyId").Description("Global ID of the company.").Resolve(c => GlobalId.Encode("Company", c.Source.CompanyId));
        Field(w => w.PNumber).Description("P-number: 10 digits.");
        Field(w => w.Name).Description("Name of the workplace.");
        Field(w => w.Address).Description("Street address.");
        Field(w => w.Postcode).Description("Danish postcode.");
        Field(w => w.OrdinaryEmployees).Description("Ordinary employees as the ratio rule counts them (no subsidised, fixed-term or project staff).");
        Field(w => w.EmployeesReportedFor).Description("The month the headcount was reported for.");
        Field(w => w.AverageEmployees12Months).Description("Average ordinary headcount over the previous 12 months (additional-employment rule).");
    }
}

public sealed class CompanyContactGraphType : ObjectGraphType<CompanyContactView>
{
    public CompanyContactGraphType()
    {
        Name = "CompanyContact";
        Description = "A contact person at a company.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is CompanyContactView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("CompanyContact", c.Source.Id));
        Field(c => c.Name).Description("Full name.");
        Field(c => c.JobTitle, nullable: true).Description("Job title.");
        Field(c => c.Email, nullable: true).Description("E-mail address.");
        Field(c => c.Phone, nullable: true).Description("Phone number.");
        Field(c => c.IsEmployeeRepresentative).Description("True for the employee representative or shop steward, who gives statements on internships and wage subsidy.");
    }
}

public sealed class CompanyFilterInputGraphType : CrmInputObjectGraphType<CompanyFilter>
{
    public CompanyFilterInputGraphType()
    {
        Name = "CompanyFilter";
        Description = "Narrows a company search; all given conditions must hold.";
        Field(f => f.NameContains, nullable: true).Description("Part of the name, case-insensitive.");
        Field(f => f.Cvr, nullable: true).Description("Exact CVR number.");
        Field(f => f.IndustryCodePrefix, nullable: true).Description("DB07 code or its leading digits, e.g. \"62\" for IT services.");
        Field(f => f.MembershipStatus, nullable: true).Description("Membership status.");
        UserIdField(f => f.ResponsibleConsultantId, "The responsible consultant (a User's global ID).");
    }
}

public sealed class RegisterCompanyInputGraphType : CrmInputObjectGraphType<RegisterCompanyInput>
{
    public RegisterCompanyInputGraphType()
    {
        Name = "RegisterCompanyInput";
        Description = "A new company.";
        Field(i => i.Cvr).Description("CVR number (8 digits, modulus-11).");
        Field(i => i.Name).Description("Registered name.");
        Field(i => i.IndustryCode).Description("DB07 code; pick one from `industries`.");
        Field(i => i.Address).Description("Street address.");
        Field(i => i.Postcode).Description("Danish postcode; pick one from `postcodes`.");
        Field(i => i.Sector).Description("Public or private.");
        Field(i => i.MembershipStatus, nullable: true).Description("Defaults to PROSPECT.");
        Field(i => i.JoinedOn, nullable: true).Description("Required unless PROSPECT.");
        UserIdField(i => i.ResponsibleConsultantId, "The responsible consultant (a User's global ID).");
    }
}

public sealed class UpdateCompanyInputGraphType : CrmInputObjectGraphType<UpdateCompanyInput>
{
    public UpdateCompanyInputGraphType()
    {
        Name = "UpdateCompanyInput";
        Description = "The whole editable record of a company, with the version you read.";
        IdField(i => i.Id, "Company", "The company.");
        Field(i => i.Version).Description("The version you read.");
        Field(i => i.Name).Description("Registered name.");
        Field(i => i.IndustryCode).Description("DB07 code.");
        Field(i => i.Address).Description("Street address.");
        Field(i => i.Postcode).Description("Danish postcode.");
        Field(i => i.Sector).Description("Public or private.");
        Field(i => i.MembershipStatus).Description("Membership status.");
        Field(i => i.JoinedOn, nullable: true).Description("Required unless PROSPECT.");
        UserIdField(i => i.ResponsibleConsultantId, "The responsible consultant (a User's global ID).");
    }
}

public sealed class SaveWorkplaceInputGraphType : CrmInputObjectGraphType<SaveWorkplaceInput>
{
    public SaveWorkplaceInputGraphType()
    {
        Name = "SaveWorkplaceInput";
        Description = "A workplace to add (no id) or update (with id).";
        IdField(i => i.CompanyId, "Company", "The company.");
        OptionalIdField(i => i.Id, "Workplace", "The workplace to update; omit to add one.");
        Field(i => i.PNumber).Description("P-number (10 digits).");
        Field(i => i.Name).Description("Name.");
        Field(i => i.Address).Description("Street address.");
        Field(i => i.Postcode).Description("Danish postcode.");
        Field(i => i.OrdinaryEmployees).Description("Ordinary employees as the ratio rule counts them.");
        Field(i => i.EmployeesReportedFor).Description("The month the headcount is for (any day in it).");
        Field(i => i.AverageEmployees12Months).Description("Average ordinary headcount over the previous 12 months.");
    }
}

public sealed class SaveCompanyContactInputGraphType : CrmInputObjectGraphType<SaveCompanyContactInput>
{
    public SaveCompanyContactInputGraphType()
    {
        Name = "SaveCompanyContactInput";
        Description = "A contact person to add (no id) or update (with id).";
        IdField(i => i.CompanyId, "Company", "The company.");
        OptionalIdField(i => i.Id, "CompanyContact", "The contact to update; omit to add one.");
        Field(i => i.Name).Description("Full name.");
        Field(i => i.JobTitle, nullable: true).Description("Job title.");
        Field(i => i.Email, nullable: true).Description("E-mail address.");
        Field(i => i.Phone, nullable: true).Description("Phone number.");
        Field(i => i.IsEmployeeRepresentative).Description("Employee representative or shop steward.");
    }
}
