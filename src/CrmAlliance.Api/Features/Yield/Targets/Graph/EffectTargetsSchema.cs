using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Yield.Targets.Graph;

/// <summary>The effect targets' root fields; each resolver only calls the core.</summary>
public sealed class EffectTargetsSchema : ISchemaContributor
{
    public void AddQueries(QueryType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EffectTargetGraphType>>>>("effectTargets")
            .AllowRoles(RoleMetadata.Staff)
            .Description("The effect targets of a year (jobcenter staff), by measure, offer kind and target group.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The calendar year (2000–2100).")
            .ResolveAsync(async c => await c.Service<EffectTargetQueries>().ForYearAsync(c.GetArgument<int>("year"), c.Actor(), c.CancellationToken));
        query.Field<NonNullGraphType<EffectTargetResultsGraphType>>("effectTargetResults")
            .AllowRoles(RoleMetadata.Everyone)
            .Description(
                "Result against target for a period: every target of the year the period ends in, with the actual rate in the target's slice. "
                + "Without companyId the whole alliance (staff only); a company user may ask only for its own company and sees small counts suppressed.")
            .Argument<IdGraphType>("companyId", "A company (global ID); leave out for the whole alliance.")
            .Argument<NonNullGraphType<StringGraphType>>("period", "A year (2025), a quarter (2025-Q2), a month (2025-03) or a range of months (2025-01..2025-06).")
            .ResolveAsync(async c =>
            {
                var actor = c.Actor();
                var companyId = GlobalId.ParseOptional(c.GetArgument<string?>("companyId"), "Company", "companyId");
                return await c.Service<EffectTargetResults>().ForAsync(companyId, c.GetArgument<string>("period"), actor, c.CancellationToken);
            });
    }

    public void AddMutations(MutationType mutation)
    {
        mutation.Field<NonNullGraphType<EffectTargetGraphType>>("setEffectTarget")
            .AllowRoles(Role.Manager, Role.Admin)
            .Description("Sets a new effect target, or changes one from the version you read (managers and Admins). A second target for the same year, offer kind, target group and measure is refused with CONFLICT.")
            .Argument<NonNullGraphType<SetEffectTargetInputGraphType>>("input", "The target.")
            .ResolveAsync(c => MutationRunner.Run<SetEffectTargetHandler, SetEffectTargetInput, EffectTargetView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<IdGraphType>("removeEffectTarget")
            .AllowRoles(Role.Manager, Role.Admin)
            .Description("Removes an effect target (managers and Admins). Returns the removed ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global ID of the target.")
            .ResolveAsync(async c =>
            {
                var actor = c.Actor();
                var id = GlobalId.Parse(c.GetArgument<string>("id"), "EffectTarget", "id");
                await c.Service<RemoveEffectTargetHandler>().HandleAsync(id, actor, c.CancellationToken);
                return (object?)GlobalId.Encode("EffectTarget", id);
            });
    }
}
