using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Placements.Graph;

/// <summary>The Placements feature's root fields and loaders; each resolver only calls the core.</summary>
public sealed class PlacementsSchema : ISchemaContributor, INodeResolver
{
    public string TypeName => "Placement";

    public object? Resolve(Guid id, IResolveFieldContext context) => LoadPlacement(context, id);

    public static object LoadPlacement(IResolveFieldContext context, Guid id)
        => context.Loaders().For<Guid, PlacementView>("placement.byId", (ids, ct) => context.Service<PlacementQueries>().GetByIdsAsync(ids, context.Actor(), ct)).Load(id);

    public static object LoadExemptions(IResolveFieldContext context, Guid placementId)
    {
        // Refused here, before the batch, so the client gets FORBIDDEN with its message rather than a failed batch.
        PlacementQueries.RequireExemptionReader(context.Actor());
        return context.Loaders().ForMany<Guid, RuleExemptionView>("placement.exemptions", placementId, (ids, ct) => context.Service<PlacementQueries>().ExemptionsByPlacementAsync(ids, context.Actor(), ct));
    }

    public static object LoadCompanyPlacements(IResolveFieldContext context, Guid companyId, IReadOnlyList<PlacementStatus>? statuses)
    {
        // Fields asking for different statuses need different batches.
        var name = "company.placements:" + string.Join(",", (statuses ?? []).Distinct().Order());
        return context.Loaders().ForMany<Guid, PlacementView>(name, companyId, (ids, ct) => context.Service<PlacementQueries>().ByCompanyAsync(ids, statuses, context.Actor(), ct));
    }

    public void AddQueries(QueryType query)
    {
        query.Connection<PlacementGraphType>("placements", "Placements you may see, latest planned start first unless `sort` says otherwise: staff see all, a company user only its own company's.")
            .AllowRoles(RoleMetadata.Everyone)
            .Argument<PlacementFilterInputGraphType>("filter", "Conditions the placements must meet.")
            .Argument<PlacementSortGraphType>("sort", "Sort key (default PLANNED_START).")
            .Argument<BooleanGraphType>("descending", "Sort descending (default true: the latest first).")
            .ResolveAsync(async c => (await c.Service<PlacementQueries>().ListAsync(
                c.GetArgument<PlacementFilter>("filter") ?? new PlacementFilter(),
                c.GetArgument("sort", PlacementSort.PlannedStart),
                c.GetArgument("descending", true),
                c.Paging(),
                c.Actor(),
                c.CancellationToken)).ToConnection());
        query.Field<PlacementGraphType>("placement")
            .AllowRoles(RoleMetadata.Everyone)
            .Description("One placement by its global ID, or null if it does not exist or you may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global ID of the placement.")
            .Resolve(c => LoadPlacement(c, GlobalId.Parse(c.GetArgument<string>("id"), "Placement", "id")));
        query.Connection<RuleExemptionGraphType>("ruleExemptions", "Rule exemptions recorded in a period, newest first (staff): the list for management and the union side.")
            .AllowRoles(RoleMetadata.Staff)
            .Argument<DateOnlyGraphType>("from", "First day (UTC) the exemption was recorded on.")
            .Argument<DateOnlyGraphType>("to", "Last day (UTC) the exemption was recorded on.")
            .ResolveAsync(async c => (await c.Service<PlacementQueries>().ExemptionsAsync(c.GetArgument<DateOnly?>("from"), c.GetArgument<DateOnly?>("to"), c.Paging(), c.Actor(), c.CancellationToken)).ToConnection());
    }

    public void AddMutations(MutationType mutation)
    {
        mutation.Field<PlacementGraphType>("proposePlacement")
            .AllowRoles(Role.Consultant)
            .Description("Proposes a candidate for a placement (consultants). Refused with RULE_VIOLATION by the purpose, last-employer, flex-job, maximum-duration and ratio rules; CONFLICT when the candidate is already placed in the period.")
            .Argument<NonNullGraphType<ProposePlacementInputGraphType>>("input", "The proposal.")
            .ResolveAsync(c => MutationRunner.Run<ProposePlacementHandler, ProposePlacementInput, PlacementView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<PlacementGraphType>("recordEmployeeRepStatement")
            .AllowRoles(Role.Consultant)
            .Description("Records the employee representative's statement on an internship or wage subsidy (consultants).")
            .Argument<NonNullGraphType<RecordEmployeeRepStatementInputGraphType>>("input", "The statement.")
            .ResolveAsync(c => MutationRunner.Run<RecordEmployeeRepStatementHandler, RecordEmployeeRepStatementInput, PlacementView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<PlacementGraphType>("confirmAdditionalEmployment")
            .AllowRoles(Role.Consultant)
            .Description("Confirms that a wage-subsidy post is additional employment, with the headcount figures (consultants).")
            .Argument<NonNullGraphType<ConfirmAdditionalEmploymentInputGraphType>>("input", "The confirmation.")
            .ResolveAsync(c => MutationRunner.Run<ConfirmAdditionalEmploymentHandler, ConfirmAdditionalEmploymentInput, PlacementView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<PlacementGraphType>("recordRuleExemption")
            .AllowRoles(Role.Consultant)
            .Description("Exempts a proposed or approved placement from a rule, with the reason (consultants).")
            .Argument<NonNullGraphType<RecordRuleExemptionInputGraphType>>("input", "The exemption.")
            .ResolveAsync(c => MutationRunner.Run<RecordRuleExemptionHandler, RecordRuleExemptionInput, PlacementView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<PlacementGraphType>("approvePlacement")
            .AllowRoles(Role.Consultant)
            .Description("Approves a proposed placement (consultants); the ratio rule is judged again.")
            .Argument<NonNullGraphType<ApprovePlacementInputGraphType>>("input", "The placement and its version.")
            .ResolveAsync(c => MutationRunner.Run<ApprovePlacementHandler, ApprovePlacementInput, PlacementView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<PlacementGraphType>("startPlacement")
            .AllowRoles(Role.Consultant)
            .Description("Records that an approved placement has started (consultants); internships and wage subsidies need the employee representative's statement.")
            .Argument<NonNullGraphType<StartPlacementInputGraphType>>("input", "The placement and its actual start.")
            .ResolveAsync(c => MutationRunner.Run<StartPlacementHandler, StartPlacementInput, PlacementView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<PlacementGraphType>("endPlacement")
            .AllowRoles(Role.Consultant)
            .Description("Records that an active placement has ended, as planned or early with a reason (consultants).")
            .Argument<NonNullGraphType<EndPlacementInputGraphType>>("input", "The placement and its actual end.")
            .ResolveAsync(c => MutationRunner.Run<EndPlacementHandler, EndPlacementInput, PlacementView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<PlacementGraphType>("cancelPlacement")
            .AllowRoles(Role.Consultant)
            .Description("Calls off a proposed or approved placement, with a reason (consultants).")
            .Argument<NonNullGraphType<CancelPlacementInputGraphType>>("input", "The placement and the reason.")
            .ResolveAsync(c => MutationRunner.Run<CancelPlacementHandler, CancelPlacementInput, PlacementView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
    }
}

public sealed class PlacementSortGraphType : EnumerationGraphType<PlacementSort>
{
    public PlacementSortGraphType()
    {
        Name = "PlacementSort";
        Description = "How to sort placements.";
    }
}
