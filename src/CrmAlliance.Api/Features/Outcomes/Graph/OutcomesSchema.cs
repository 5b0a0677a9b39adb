using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Outcomes.Graph;

/// <summary>The Outcomes feature's mutation and the loader behind <c>Placement.outcomes</c>.</summary>
public sealed class OutcomesSchema : ISchemaContributor
{
    public static object LoadOutcomes(IResolveFieldContext context, Guid placementId)
        => context.Loaders().ForMany<Guid, OutcomeView>("placement.outcomes", placementId, (ids, ct) => context.Service<OutcomeQueries>().ByPlacementAsync(ids, context.Actor(), ct));

    public void AddMutations(MutationType mutation)
        => mutation.Field<OutcomeGraphType>("recordOutcome")
            .AllowRoles(Role.Consultant)
            .Description("Records how an ended placement turned out: at the end (monthsAfterEnd 0, endResult) or at a follow-up 1, 3, 6 or 12 months later (selfSupporting) (consultants).")
            .Argument<NonNullGraphType<RecordOutcomeInputGraphType>>("input", "The outcome.")
            .ResolveAsync(c => MutationRunner.Run<RecordOutcomeHandler, RecordOutcomeInput, OutcomeView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
}

public sealed class OutcomeGraphType : ObjectGraphType<OutcomeView>
{
    public OutcomeGraphType()
    {
        Name = "Outcome";
        Description = "One observation of how a placement turned out: at its end, or at a follow-up months later.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("Outcome", c.Source.Id));
        Field<NonNullGraphType<IdGraphType>>("placementId").Description("Global ID of the placement.").Resolve(c => GlobalId.Encode("Placement", c.Source.PlacementId));
        Field(o => o.MonthsAfterEnd).Description("0 at the end; 1, 3, 6 or 12 for a follow-up.");
        Field<EndResultGraphType>("endResult").Description("How the placement ended (at the end only).").Resolve(c => c.Source.EndResult);
        Field(o => o.SelfSupporting, nullable: true).Description("Whether the candidate was off public benefits (follow-ups only).");
        Field(o => o.ObservedOn, nullable: true).Description("The day the source observed it (a register import's observedOn); null when not given.");
        Field(o => o.RecordedAt).Description("When it was recorded (or last corrected by an import).");
        Field(o => o.Source).Description("Where the figure came from: \"consultant\" or the name of an import.");
    }
}

public sealed class EndResultGraphType : EnumerationGraphType<EndResult>
{
    public EndResultGraphType()
    {
        Name = "EndResult";
        Description = "How a placement ended: in an ordinary job, a flex job or education, back on benefits, or dropped out.";
    }
}

public sealed class RecordOutcomeInputGraphType : CrmInputObjectGraphType<RecordOutcomeInput>
{
    public RecordOutcomeInputGraphType()
    {
        Name = "RecordOutcomeInput";
        Description = "An outcome of an ended placement.";
        IdField(i => i.PlacementId, "Placement", "The placement; COMPLETED or ENDED_EARLY.");
        Field(i => i.MonthsAfterEnd).Description("0 at the end; 1, 3, 6 or 12 for a follow-up (recorded on or after its date).");
        Field<EndResultGraphType>("endResult").Description("Required at the end (0); refused for follow-ups.");
        Field(i => i.SelfSupporting, nullable: true).Description("Required for follow-ups; refused at the end.");
    }
}
