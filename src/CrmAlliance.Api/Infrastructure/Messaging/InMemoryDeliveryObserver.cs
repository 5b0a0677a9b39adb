using MassTransit;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// Tells the <see cref="InMemoryDeliveryTracker"/> when a receive endpoint has finished a message (after its
/// retries) and which contract messages consumers publish while consuming one.
/// </summary>
public sealed class InMemoryDeliveryObserver(InMemoryDeliveryTracker tracker) : IReceiveObserver, IPublishObserver
{
    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        if (context.GetMessageId() is { } messageId)
        {
            tracker.Received(messageId, context.IsFaulted ? new InvalidOperationException($"A consumer on {context.InputAddress} failed on message {messageId}; see consumerFailures.") : null);
        }

        return Task.CompletedTask;
    }

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        if (context.GetMessageId() is { } messageId)
        {
            tracker.Received(messageId, exception);
        }

        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class
        => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class
        => Task.CompletedTask;

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class
    {
        // Before delivery, so the child is known before any endpoint can finish it. MassTransit puts the message
        // being consumed on a publish made while consuming it (InitiatorId carries only a CorrelationId).
        if (context.MessageId is { } messageId && context.TryGetPayload<ConsumeContext>(out var consuming) && consuming.MessageId is { } parentId)
        {
            tracker.Published(messageId, typeof(T), parentId);
        }

        return Task.CompletedTask;
    }

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
        => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class
        => Task.CompletedTask;
}
