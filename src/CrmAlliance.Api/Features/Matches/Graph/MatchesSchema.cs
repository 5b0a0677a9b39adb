using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Matches.Graph;

/// <summary>The Matches feature's fields; each resolver only calls the core.</summary>
public sealed class MatchesSchema : ISchemaContributor, INodeResolver
{
    public string TypeName => "Match";

    public object? Resolve(Guid id, IResolveFieldContext context)
    {
        var actor = context.Actor();
        MatchQueries.RequireMatchReader(actor);
        return context.Loaders().For<Guid, MatchView>("match.byId", (ids, ct) => context.Service<MatchQueries>().GetByIdsAsync(ids, actor, ct)).Load(id);
    }

    /// <summary>vacancy.matches: refused for company users before the batch, so they get FORBIDDEN with its message.</summary>
    public static object LoadVacancyMatches(IResolveFieldContext context, Guid vacancyId, IReadOnlyCollection<MatchStatus>? statuses)
    {
        var actor = context.Actor();
        MatchQueries.RequireMatchReader(actor);
        var wanted = statuses is { Count: > 0 } ? statuses.Distinct().Order().ToArray() : MatchQueries.CurrentStatuses;
        return context.Loaders().ForMany<Guid, MatchView>("vacancy.matches:" + string.Join(",", wanted), vacancyId, (ids, ct) => context.Service<MatchQueries>().ByVacancyAsync(ids, wanted, actor, ct));
    }

    public static object LoadVacancyMatchQuality(IResolveFieldContext context, Guid vacancyId)
    {
        var actor = context.Actor();
        MatchQueries.RequireMatchReader(actor);
        return context.Loaders().For<Guid, MatchQualityView>("vacancy.matchQuality", (ids, ct) => context.Service<MatchQueries>().QualityByVacancyAsync(ids, actor, ct)).Load(vacancyId);
    }

    public void AddQueries(QueryType query)
        => query.Field<NonNullGraphType<MatchQualityGraphType>>("matchingQuality")
            .AllowRoles(RoleMetadata.Staff)
            .Description("Accept and dismiss rates of matching's suggestions over all vacancies (jobcenter staff), for suggestions made in the period.")
            .Argument<DateOnlyGraphType>("from", "First day (UTC) of suggestions counted.")
            .Argument<DateOnlyGraphType>("to", "Last day (UTC) of suggestions counted.")
            .ResolveAsync(async c => await c.Service<MatchQueries>().QualityAsync(c.GetArgument<DateOnly?>("from"), c.GetArgument<DateOnly?>("to"), c.Actor(), c.CancellationToken));

    public void AddMutations(MutationType mutation)
    {
        mutation.Field<NonNullGraphType<PlacementGraphType>>("acceptMatch")
            .AllowRoles(Role.Consultant)
            .Description("Accepts a suggested match (consultants): proposes the placement through every placement rule, and marks the match ACCEPTED in the same transaction.")
            .Argument<NonNullGraphType<AcceptMatchInputGraphType>>("input", "The match and the placement's period.")
            .ResolveAsync(c => MutationRunner.Run<DecideMatchHandler, AcceptMatchInput, PlacementView>(c, (h, i, a, ct) => h.AcceptAsync(i, a, ct)));
        mutation.Field<NonNullGraphType<MatchGraphType>>("dismissMatch")
            .AllowRoles(Role.Consultant)
            .Description("Dismisses a suggested match with a reason (consultants); the candidate is not suggested for this vacancy again.")
            .Argument<NonNullGraphType<DismissMatchInputGraphType>>("input", "The match and why.")
            .ResolveAsync(c => MutationRunner.Run<DecideMatchHandler, DismissMatchInput, MatchView>(c, (h, i, a, ct) => h.DismissAsync(i, a, ct)));
    }
}
