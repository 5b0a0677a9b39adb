using CrmAlliance.Contracts;
using MassTransit;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>
/// Feeds the yield read model from the bus: every event that can change a figure refreshes the facts of the
/// row it names. A refresh is idempotent, so no inbox is needed: a redelivered event changes nothing.
/// </summary>
public sealed class YieldProjectionConsumer(YieldProjector projector) :
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
    public Task Consume(ConsumeContext<PlacementStarted> context) => projector.RefreshPlacementsAsync([context.Message.PlacementId], context.CancellationToken);

    public Task Consume(ConsumeContext<PlacementEnded> context) => projector.RefreshPlacementsAsync([context.Message.PlacementId], context.CancellationToken);

    public Task Consume(ConsumeContext<OutcomeRecorded> context) => projector.RefreshPlacementsAsync([context.Message.PlacementId], context.CancellationToken);

    /// <summary>Placements count under their candidate's current target group.</summary>
    public Task Consume(ConsumeContext<CandidateChanged> context) => projector.RefreshPlacementsOfCandidateAsync(context.Message.CandidateId, context.CancellationToken);

    public Task Consume(ConsumeContext<VacancyPosted> context) => projector.RefreshVacancyAsync(context.Message.VacancyId, context.CancellationToken);

    public Task Consume(ConsumeContext<VacancyChanged> context) => projector.RefreshVacancyAsync(context.Message.VacancyId, context.CancellationToken);

    public Task Consume(ConsumeContext<CompanyChanged> context) => projector.RefreshCompanyAsync(context.Message.CompanyId, context.CancellationToken);

    public Task Consume(ConsumeContext<ContactLogged> context) => projector.RefreshContactAsync(context.Message.ContactLogId, context.CancellationToken);

    public Task Consume(ConsumeContext<PledgeChanged> context) => projector.RefreshPledgeAsync(context.Message.PledgeId, context.CancellationToken);
}

/// <summary>
/// One queue, one message at a time per Api instance (every refresh touches the alliance's cells). Between
/// replicas, a concurrent save fails on a version check and is retried here; a message that still fails goes
/// to <c>yield-projection_error</c> and is recorded as a consumer failure.
/// </summary>
public sealed class YieldProjectionConsumerDefinition : ConsumerDefinition<YieldProjectionConsumer>
{
    public YieldProjectionConsumerDefinition()
    {
        EndpointName = "yield-projection";
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<YieldProjectionConsumer> consumerConfigurator, IRegistrationContext context)
        => endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 2000, 5000));
}
