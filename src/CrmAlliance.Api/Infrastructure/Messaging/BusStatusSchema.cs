using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>The Admins' view of the bus over GraphQL.</summary>
public sealed class BusStatusSchema : ISchemaContributor
{
    public void AddQueries(QueryType query)
    {
        query.Field<NonNullGraphType<OutboxStatusGraphType>>("outboxStatus")
            .AllowRoles(Role.Admin)
            .Description("The outbox (Admins): how many committed events wait to be published and the oldest of them. A growing backlog means the broker is unreachable.")
            .ResolveAsync(async c => await c.Service<BusStatusQueries>().OutboxAsync(c.Actor(), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BackgroundWorkGraphType>>>>("backgroundWork")
            .AllowRoles(Role.Admin)
            .Description("Long-running background work under way (Admins), e.g. the partner-yield read model being rebuilt aside: phase, done/total, rate and time left. Empty when nothing runs.")
            .ResolveAsync(async c => await c.Service<BusStatusQueries>().BackgroundWorkAsync(c.Actor(), c.CancellationToken));
        query.Connection<ConsumerFailureGraphType>("consumerFailures", "Messages a consumer gave up on after its retries, newest first (Admins); each lies in its consumer's _error queue.")
            .AllowRoles(Role.Admin)
            .Argument<DateTimeGraphType>("since", "Only failures at or after this time.")
            .ResolveAsync(async c => (await c.Service<BusStatusQueries>().FailuresAsync(c.GetArgument<DateTimeOffset?>("since"), c.Paging(), c.Actor(), c.CancellationToken)).ToConnection());
    }

    public void AddMutations(MutationType mutation)
    {
    }
}

public sealed class OutboxStatusGraphType : ObjectGraphType<OutboxStatusView>
{
    public OutboxStatusGraphType()
    {
        Name = "OutboxStatus";
        Description = "Events committed with their changes and waiting to be published on the bus.";
        Field(s => s.Backlog).Description("Events not yet published.");
        Field(s => s.Retrying).Description("Of those, events whose publishing failed at least once and is retried with back-off.");
        Field<UnsentEventGraphType>("oldestUnsent").Description("The event waiting longest; null when nothing waits.").Resolve(c => c.Source.OldestUnsent);
    }
}

public sealed class BackgroundWorkGraphType : ObjectGraphType<BackgroundWorkView>
{
    public BackgroundWorkGraphType()
    {
        Name = "BackgroundWork";
        Description = "Background work under way and how far it has come.";
        Field(w => w.Kind).Description("What runs: YieldRebuild (the partner-yield read model, built aside while the old one serves).");
        Field(w => w.Phase).Description("Preparing, Companies, Cells (placements read and computed) or Swapping.");
        Field<NonNullGraphType<IntGraphType>>("done").Description("Units done (for YieldRebuild: started placements).").Resolve(c => (int)Math.Min(int.MaxValue, c.Source.Done));
        Field<NonNullGraphType<IntGraphType>>("total").Description("Units in all.").Resolve(c => (int)Math.Min(int.MaxValue, c.Source.Total));
        Field(w => w.RatePerSecond).Description("Units per second so far.");
        Field<IntGraphType>("secondsLeft").Description("At the rate so far; null before there is a rate.").Resolve(c => c.Source.TimeLeft is { } left ? (int)Math.Ceiling(left.TotalSeconds) : null);
        Field(w => w.StartedAt).Description("When it started.");
        Field(w => w.UpdatedAt).Description("When it last reported.");
    }
}

public sealed class UnsentEventGraphType : ObjectGraphType<UnsentEventView>
{
    public UnsentEventGraphType()
    {
        Name = "UnsentEvent";
        Description = "An event in the outbox.";
        Field(e => e.MessageId).Description("The bus MessageId it will carry (the same on every attempt).");
        Field(e => e.MessageType).Description("The contract, e.g. VacancyPosted.");
        Field(e => e.AggregateId).Description("The vacancy, candidate or placement it is about (database id).");
        Field(e => e.CreatedAt).Description("When the change that caused it was committed.");
        Field(e => e.Attempts).Description("Failed publish attempts so far.");
        Field(e => e.NextAttemptAt, nullable: true).Description("Not retried before this time.");
        Field(e => e.LastError, nullable: true).Description("Why the last attempt failed.");
    }
}

public sealed class ConsumerFailureGraphType : ObjectGraphType<ConsumerFailureView>
{
    public ConsumerFailureGraphType()
    {
        Name = "ConsumerFailure";
        Description = "A message a consumer could not process after its retries.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("ConsumerFailure", c.Source.Id));
        Field(f => f.FaultedMessageId, nullable: true).Description("MessageId of the failed message, to find it in the _error queue.");
        Field(f => f.MessageType).Description("The contract, e.g. VacancyPosted.");
        Field(f => f.ExceptionType).Description("The exception's type.");
        Field(f => f.ExceptionMessage).Description("The exception's message.");
        Field(f => f.Host).Description("Machine and process where it failed.");
        Field(f => f.OccurredAt).Description("When the consumer gave up.");
    }
}
