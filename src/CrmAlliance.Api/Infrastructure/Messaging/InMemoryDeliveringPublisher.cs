using MassTransit;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// The in-memory bus keeps nothing across a crash, so here a publish returns only when every consumer has
/// committed the message's effect (<see cref="InMemoryDeliveryTracker"/>); a consumer that failed after its
/// retries makes the publish fail, and the outbox tries the row again later.
/// </summary>
public sealed class InMemoryDeliveringPublisher(IBus bus, InMemoryDeliveryTracker tracker) : IEventPublisher
{
    public bool AwaitsConsumers => true;

    public async Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken)
    {
        if (tracker.TryStart(messageId, messageType, out var delivered))
        {
            try
            {
                await bus.Publish(message, messageType, context => context.MessageId = messageId, cancellationToken);
            }
            catch
            {
                tracker.Abandon(messageId);
                throw;
            }
        }

        await delivered.WaitAsync(cancellationToken);
    }
}
