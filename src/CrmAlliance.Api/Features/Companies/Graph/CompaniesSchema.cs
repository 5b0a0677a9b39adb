using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Companies.Graph;

/// <summary>The Companies feature's root fields; each resolver only calls the core.</summary>
public sealed class CompaniesSchema : ISchemaContributor, INodeResolver
{
    public string TypeName => "Company";

    public object? Resolve(Guid id, IResolveFieldContext context) => LoadCompany(context, id);

    public static object LoadCompany(IResolveFieldContext context, Guid id)
        => context.Loaders().For<Guid, CompanyView>("company.byId", (ids, ct) => context.Service<CompanyQueries>().GetByIdsAsync(ids, context.Actor(), ct)).Load(id);

    public static object LoadWorkplace(IResolveFieldContext context, Guid id)
        => context.Loaders().For<Guid, WorkplaceView>("workplace.byId", (ids, ct) => context.Service<CompanyQueries>().WorkplacesByIdAsync(ids, context.Actor(), ct)).Load(id);

    public void AddQueries(QueryType query)
    {
        query.Connection<CompanyGraphType>("companies", "Companies you may see: staff see all, a company user only its own. Sorted by name unless `sort` says otherwise.")
            .AllowRoles(RoleMetadata.Everyone)
            .Argument<CompanyFilterInputGraphType>("filter", "Conditions the companies must meet.")
            .Argument<CompanySortGraphType>("sort", "Sort key (default NAME).")
            .Argument<BooleanGraphType>("descending", "Sort descending (default false).")
            .ResolveAsync(async c => (await c.Service<CompanyQueries>().ListAsync(
                c.GetArgument<CompanyFilter>("filter") ?? new CompanyFilter(),
                c.GetArgument("sort", CompanySort.Name),
                c.GetArgument("descending", false),
                c.Paging(),
                c.Actor(),
                c.CancellationToken)).ToConnection());
        query.Field<CompanyGraphType>("company")
            .AllowRoles(RoleMetadata.Everyone)
            .Description("One company by its global ID, or null if it does not exist or you may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global ID of the company.")
            .Resolve(c => LoadCompany(c, GlobalId.Parse(c.GetArgument<string>("id"), "Company", "id")));
    }

    public void AddMutations(MutationType mutation)
    {
        mutation.Field<CompanyGraphType>("registerCompany")
            .AllowRoles(Role.Consultant)
            .Description("Registers a company by CVR number (consultants). A known CVR is refused with CONFLICT.")
            .Argument<NonNullGraphType<RegisterCompanyInputGraphType>>("input", "The company.")
            .ResolveAsync(c => MutationRunner.Run<RegisterCompanyHandler, RegisterCompanyInput, CompanyView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<CompanyGraphType>("updateCompany")
            .AllowRoles(Role.Consultant)
            .Description("Changes a company's record and membership (consultants). Send the version you read.")
            .Argument<NonNullGraphType<UpdateCompanyInputGraphType>>("input", "The changed record.")
            .ResolveAsync(c => MutationRunner.Run<UpdateCompanyHandler, UpdateCompanyInput, CompanyView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<WorkplaceGraphType>("saveWorkplace")
            .AllowRoles(Role.Consultant)
            .Description("Adds or updates a workplace, e.g. its monthly headcount (consultants).")
            .Argument<NonNullGraphType<SaveWorkplaceInputGraphType>>("input", "The workplace.")
            .ResolveAsync(c => MutationRunner.Run<SaveWorkplaceHandler, SaveWorkplaceInput, WorkplaceView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<CompanyContactGraphType>("saveCompanyContact")
            .AllowRoles(Role.Consultant, Role.Company)
            .Description("Adds or updates a contact person (consultants; company users for their own company).")
            .Argument<NonNullGraphType<SaveCompanyContactInputGraphType>>("input", "The contact person.")
            .ResolveAsync(c => MutationRunner.Run<SaveCompanyContactHandler, SaveCompanyContactInput, CompanyContactView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<IdGraphType>("removeCompanyContact")
            .AllowRoles(Role.Consultant, Role.Company)
            .Description("Removes a contact person (consultants; company users for their own company). Returns the removed ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global ID of the contact person.")
            .ResolveAsync(async c =>
            {
                var id = GlobalId.Parse(c.GetArgument<string>("id"), "CompanyContact", "id");
                await c.Service<RemoveCompanyContactHandler>().HandleAsync(id, c.Actor(), c.CancellationToken);
                return (object?)GlobalId.Encode("CompanyContact", id);
            });
    }
}

public sealed class CompanySortGraphType : EnumerationGraphType<CompanySort>
{
    public CompanySortGraphType()
    {
        Name = "CompanySort";
        Description = "How to sort companies.";
    }
}
