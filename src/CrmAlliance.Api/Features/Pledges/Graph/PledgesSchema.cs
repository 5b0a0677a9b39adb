using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Pledges.Graph;

/// <summary>The Pledges feature's root fields; each resolver only calls the core.</summary>
public sealed class PledgesSchema : ISchemaContributor, INodeResolver
{
    public string TypeName => "Pledge";

    public object? Resolve(Guid id, IResolveFieldContext context)
        => context.Loaders().For<Guid, PledgeView>("pledge.byId", (ids, ct) => context.Service<PledgeQueries>().GetByIdsAsync(ids, context.Actor(), ct)).Load(id);

    /// <summary>The source company's pledges, batched over every company in the result.</summary>
    public static object LoadPledges(IResolveFieldContext context, Guid companyId)
        => context.Loaders().ForMany<Guid, PledgeView>("company.pledges", companyId, (ids, ct) => context.Service<PledgeQueries>().ByCompanyAsync(ids, context.Actor(), ct));

    public void AddQueries(QueryType query)
    {
        query.Connection<PledgeGraphType>("pledges", "Pledges, latest period first. Staff see all; a company user sees its own company's, without notes.")
            .AllowRoles(RoleMetadata.Everyone)
            .Argument<IdGraphType>("companyId", "Only this company's (global ID).")
            .Argument<DateOnlyGraphType>("activeOn", "Only pledges whose period includes this date.")
            .ResolveAsync(async c => (await c.Service<PledgeQueries>().ListAsync(
                c.GetArgument<string?>("companyId") is { } companyId ? GlobalId.Parse(companyId, "Company", "companyId") : null,
                c.GetArgument<DateOnly?>("activeOn"),
                c.Paging(),
                c.Actor(),
                c.CancellationToken)).ToConnection());
    }

    public void AddMutations(MutationType mutation)
    {
        mutation.Field<PledgeGraphType>("recordPledge")
            .AllowRoles(Role.Consultant, Role.Manager)
            .Description("Records a company's pledge for a period (consultants and managers). A period overlapping another pledge of the company is refused with CONFLICT.")
            .Argument<NonNullGraphType<RecordPledgeInputGraphType>>("input", "The pledge.")
            .ResolveAsync(c => MutationRunner.Run<RecordPledgeHandler, RecordPledgeInput, PledgeView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<PledgeGraphType>("updatePledge")
            .AllowRoles(Role.Consultant, Role.Manager)
            .Description("Replaces a pledge's period, counts, target groups and note (consultants and managers).")
            .Argument<NonNullGraphType<UpdatePledgeInputGraphType>>("input", "The pledge as it should now read.")
            .ResolveAsync(c => MutationRunner.Run<UpdatePledgeHandler, UpdatePledgeInput, PledgeView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<IdGraphType>("removePledge")
            .AllowRoles(Role.Consultant, Role.Manager)
            .Description("Removes a pledge recorded in error (consultants and managers). Returns the removed ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global ID of the pledge.")
            .Argument<IntGraphType>("version", "The version you read; if the pledge has changed since, it is not removed (CONFLICT).")
            .ResolveAsync(async c =>
            {
                var id = GlobalId.Parse(c.GetArgument<string>("id"), "Pledge", "id");
                await c.Service<RemovePledgeHandler>().HandleAsync(id, c.GetArgument<int?>("version"), c.Actor(), c.CancellationToken);
                return (object?)GlobalId.Encode("Pledge", id);
            });
    }
}
