using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Candidates.Graph;

/// <summary>The Candidates feature's root fields; each resolver only calls the core.</summary>
public sealed class CandidatesSchema : ISchemaContributor, INodeResolver
{
    public string TypeName => "Candidate";

    public object? Resolve(Guid id, IResolveFieldContext context) => LoadCandidate(context, id);

    public static object LoadCandidate(IResolveFieldContext context, Guid id)
    {
        // The loader fetches later, outside the field's error handling; refuse company users here, by the core's rule.
        var actor = context.Actor();
        CandidateQueries.RequireReader(actor);
        return context.Loaders().For<Guid, CandidateView>("candidate.byId", (ids, ct) => context.Service<CandidateQueries>().GetByIdsAsync(ids, actor, ct)).Load(id);
    }

    public void AddQueries(QueryType query)
    {
        query.Connection<CandidateGraphType>("candidates", "Candidates (jobcenter staff only; company users are refused), by the day they are available. Withdrawn candidates only with `filter: { includeWithdrawn: true }`.")
            .AllowRoles(RoleMetadata.Staff)
            .Argument<CandidateFilterInputGraphType>("filter", "Conditions the candidates must meet.")
            .ResolveAsync(async c => (await c.Service<CandidateQueries>().ListAsync(
                c.GetArgument<CandidateFilter>("filter") ?? new CandidateFilter(),
                c.Paging(),
                c.Actor(),
                c.CancellationToken)).ToConnection());
        query.Field<CandidateGraphType>("candidate")
            .AllowRoles(RoleMetadata.Staff)
            .Description("One candidate by global ID (jobcenter staff only), or null if there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global ID of the candidate.")
            .Resolve(c => LoadCandidate(c, GlobalId.Parse(c.GetArgument<string>("id"), "Candidate", "id")));
    }

    public void AddMutations(MutationType mutation)
    {
        mutation.Field<CandidateGraphType>("registerCandidate")
            .AllowRoles(Role.Consultant)
            .Description("Registers a candidate under a case-system reference (consultants). A known reference is refused with CONFLICT; one shaped like a CPR number with VALIDATION.")
            .Argument<NonNullGraphType<RegisterCandidateInputGraphType>>("input", "The candidate.")
            .ResolveAsync(c => MutationRunner.Run<RegisterCandidateHandler, RegisterCandidateInput, CandidateView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<CandidateGraphType>("updateCandidate")
            .AllowRoles(Role.Consultant)
            .Description("Changes a candidate's details (consultants). Send the version you read. A withdrawn candidate is refused with RULE_VIOLATION CandidateActive.")
            .Argument<NonNullGraphType<UpdateCandidateInputGraphType>>("input", "The changed candidate.")
            .ResolveAsync(c => MutationRunner.Run<UpdateCandidateHandler, UpdateCandidateInput, CandidateView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<CandidateGraphType>("withdrawCandidate")
            .AllowRoles(Role.Consultant)
            .Description("Takes a candidate out of the pool (consultants), e.g. when they found work on their own: lists hide them, matching forgets them, and they can no longer be changed or proposed (RULE_VIOLATION CandidateActive). Withdrawing twice is refused the same way.")
            .Argument<NonNullGraphType<WithdrawCandidateInputGraphType>>("input", "The candidate and why they leave.")
            .ResolveAsync(c => MutationRunner.Run<WithdrawCandidateHandler, WithdrawCandidateInput, CandidateView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
    }
}
