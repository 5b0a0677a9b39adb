namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>Publishes one message with its stable id; the bus behind it is MassTransit's.</summary>
public interface IEventPublisher
{
    Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken);
}
