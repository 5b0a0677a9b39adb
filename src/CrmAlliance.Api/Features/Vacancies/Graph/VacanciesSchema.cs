using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Vacancies.Graph;

/// <summary>The Vacancies feature's root fields; each resolver only calls the core.</summary>
public sealed class VacanciesSchema : ISchemaContributor, INodeResolver
{
    public string TypeName => "Vacancy";

    public object? Resolve(Guid id, IResolveFieldContext context) => LoadVacancy(context, id);

    public static object LoadVacancy(IResolveFieldContext context, Guid id)
        => context.Loaders().For<Guid, VacancyView>("vacancy.byId", (ids, ct) => context.Service<VacancyQueries>().GetByIdsAsync(ids, context.Actor(), ct)).Load(id);

    /// <summary>A company's vacancies; companies asking for the same statuses share one query.</summary>
    public static object LoadCompanyVacancies(IResolveFieldContext context, Guid companyId, IReadOnlyCollection<VacancyStatus>? statuses)
    {
        var key = statuses is null ? "all" : string.Join(",", statuses.Distinct().Order());
        return context.Loaders().ForMany<Guid, VacancyView>(
            "company.vacancies:" + key,
            companyId,
            (ids, ct) => context.Service<VacancyQueries>().ByCompaniesAsync(ids, statuses, context.Actor(), ct));
    }

    public void AddQueries(QueryType query)
    {
        query.Connection<VacancyGraphType>("vacancies", "Vacancies you may see: staff see all, a company user only its own company's. Sorted by start date unless `sort` says otherwise.")
            .AllowRoles(RoleMetadata.Everyone)
            .Argument<VacancyFilterInputGraphType>("filter", "Conditions the vacancies must meet.")
            .Argument<VacancySortGraphType>("sort", "Sort key (default START_DATE).")
            .Argument<BooleanGraphType>("descending", "Sort descending (default false).")
            .ResolveAsync(async c => (await c.Service<VacancyQueries>().ListAsync(
                c.GetArgument<VacancyFilter>("filter") ?? new VacancyFilter(),
                c.GetArgument("sort", VacancySort.StartDate),
                c.GetArgument("descending", false),
                c.Paging(),
                c.Actor(),
                c.CancellationToken)).ToConnection());
        query.Field<VacancyGraphType>("vacancy")
            .AllowRoles(RoleMetadata.Everyone)
            .Description("One vacancy by its global ID, or null if it does not exist or you may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global ID of the vacancy.")
            .Resolve(c => LoadVacancy(c, GlobalId.Parse(c.GetArgument<string>("id"), "Vacancy", "id")));
    }

    public void AddMutations(MutationType mutation)
    {
        mutation.Field<VacancyGraphType>("postVacancy")
            .AllowRoles(Role.Consultant, Role.Company)
            .Description("Posts a vacancy as a draft or published (consultants for any company; company users for their own). A company that has left the alliance is refused with RULE_VIOLATION.")
            .Argument<NonNullGraphType<PostVacancyInputGraphType>>("input", "The vacancy.")
            .ResolveAsync(c => MutationRunner.Run<PostVacancyHandler, PostVacancyInput, VacancyView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<VacancyGraphType>("updateVacancy")
            .AllowRoles(Role.Consultant, Role.Company)
            .Description("Changes a draft or open vacancy (consultants; company users for their own company). Send the version you read.")
            .Argument<NonNullGraphType<UpdateVacancyInputGraphType>>("input", "The changed vacancy.")
            .ResolveAsync(c => MutationRunner.Run<UpdateVacancyHandler, UpdateVacancyInput, VacancyView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<VacancyGraphType>("changeVacancyStatus")
            .AllowRoles(Role.Consultant, Role.Company)
            .Description("Publishes, marks filled, closes or reopens a vacancy (consultants; company users for their own company). A transition the life cycle does not allow is refused with RULE_VIOLATION.")
            .Argument<NonNullGraphType<ChangeVacancyStatusInputGraphType>>("input", "The vacancy and the transition.")
            .ResolveAsync(c => MutationRunner.Run<ChangeVacancyStatusHandler, ChangeVacancyStatusInput, VacancyView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
    }
}
