using MassTransit;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>Publishes through MassTransit with the outbox row's MessageId, so every attempt carries the same id.</summary>
public sealed class MassTransitEventPublisher(IBus bus) : IEventPublisher
{
    public Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken)
        => bus.Publish(message, messageType, context => context.MessageId = messageId, cancellationToken);
}
