using CrmAlliance.Contracts;
using MassTransit;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>
/// Feeds the yield read model from the bus: every event that can change a figure refreshes the facts of the
/// row it names. A refresh is idempotent, so no inbox is needed: a redelivered event changes nothing. Refreshes
/// are written in batches (<see cref="YieldRefreshBatcher"/>); a message is acknowledged once its batch is committed.
/// </summary>
public sealed class YieldProjectionConsumer(YieldRefreshBatcher batcher) :
    IConsumer<PlacementStarted>,
    IConsumer<PlacementEnded>,
    IConsumer<OutcomeRecorded>,
    IConsumer<CandidateChanged>,
    IConsumer<VacancyPosted>,
    IConsumer<VacancyChanged>,
    IConsumer<CompanyChanged>,
    IConsumer<ContactLogged>,
    IConsumer<PledgeChanged>
{
    public Task Consume(ConsumeContext<PlacementStarted> context) => Refresh(context, YieldRefreshKind.Placement, context.Message.PlacementId);

    public Task Consume(ConsumeContext<PlacementEnded> context) => Refresh(context, YieldRefreshKind.Placement, context.Message.PlacementId);

    public Task Consume(ConsumeContext<OutcomeRecorded> context) => Refresh(context, YieldRefreshKind.Placement, context.Message.PlacementId);

    /// <summary>Placements count under their candidate's current target group.</summary>
    public Task Consume(ConsumeContext<CandidateChanged> context) => Refresh(context, YieldRefreshKind.PlacementsOfCandidate, context.Message.CandidateId);

    public Task Consume(ConsumeContext<VacancyPosted> context) => Refresh(context, YieldRefreshKind.Vacancy, context.Message.VacancyId);

    public Task Consume(ConsumeContext<VacancyChanged> context) => Refresh(context, YieldRefreshKind.Vacancy, context.Message.VacancyId);

    public Task Consume(ConsumeContext<CompanyChanged> context) => Refresh(context, YieldRefreshKind.Company, context.Message.CompanyId);

    public Task Consume(ConsumeContext<ContactLogged> context) => Refresh(context, YieldRefreshKind.Contact, context.Message.ContactLogId);

    public Task Consume(ConsumeContext<PledgeChanged> context) => Refresh(context, YieldRefreshKind.Pledge, context.Message.PledgeId);

    private Task Refresh(ConsumeContext context, YieldRefreshKind kind, Guid id) => batcher.RefreshAsync(new YieldRefresh(kind, id), context.CancellationToken);
}

/// <summary>
/// One queue; up to <see cref="BatchSize"/> messages at a time per Api instance, whose refreshes the batcher writes
/// one batch at a time (every refresh touches the alliance's cells). Between replicas, a concurrent save fails on a
/// version check and is retried here; a message that still fails goes to <c>yield-projection_error</c> and is
/// recorded as a consumer failure.
/// </summary>
public sealed class YieldProjectionConsumerDefinition : ConsumerDefinition<YieldProjectionConsumer>
{
    public const int BatchSize = 64;

    public YieldProjectionConsumerDefinition()
    {
        EndpointName = "yield-projection";
        ConcurrentMessageLimit = BatchSize;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<YieldProjectionConsumer> consumerConfigurator, IRegistrationContext context)
        => endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 2000, 5000));
}
