using CrmAlliance.Contracts;
using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.Matching.Engine;
using MassTransit;

namespace CrmAlliance.Matching.Consumers;

/// <summary>
/// Keeps this instance's candidate index in step with the pool. Idempotent without an inbox: the index
/// keeps the newest state per candidate by its time, so a repeated or late message changes nothing.
/// </summary>
public sealed class CandidateIndexConsumer(CandidateIndex index) :
    IConsumer<CandidateRegistered>, IConsumer<CandidateChanged>, IConsumer<CandidateWithdrawn>
{
    public Task Consume(ConsumeContext<CandidateRegistered> context)
    {
        var m = context.Message;
        index.Upsert(new CandidateProfile(m.CandidateId, m.TargetGroup, m.SoughtOccupations, m.Skills, m.EducationLevel, m.Postcode, m.AvailableFrom, m.RegisteredAt));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<CandidateChanged> context)
    {
        var m = context.Message;
        index.Upsert(new CandidateProfile(m.CandidateId, m.TargetGroup, m.SoughtOccupations, m.Skills, m.EducationLevel, m.Postcode, m.AvailableFrom, m.ChangedAt));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<CandidateWithdrawn> context)
    {
        index.Withdraw(context.Message.CandidateId, context.Message.WithdrawnAt);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Every matching instance needs every candidate event, so each has its own queue (named by instance),
/// not a shared competing one. The queue is durable, so events published while the instance restarts
/// wait for it; on RabbitMQ it expires after a day unused, when an instance is gone for good.
/// </summary>
public sealed class CandidateIndexConsumerDefinition : ConsumerDefinition<CandidateIndexConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<CandidateIndexConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 1000));
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.QueueExpiration = TimeSpan.FromDays(1);
        }
    }
}
