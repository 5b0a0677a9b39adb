namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>Publishes one message with its stable id; the bus behind it is MassTransit's.</summary>
public interface IEventPublisher
{
    /// <summary>
    /// True when <see cref="PublishAsync"/> returns only after every consumer has committed the message's effect
    /// (the in-memory bus, which keeps nothing across a crash); false when a broker's confirmation is delivery.
    /// </summary>
    bool AwaitsConsumers => false;

    Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken);
}
