using CrmAlliance.Contracts;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// Knows when a message on the in-memory bus has been consumed: by every receive endpoint subscribed to its type,
/// and, transitively, every contract message those consumers published while consuming it (the matching
/// consumer answers <see cref="VacancyPosted"/> with <see cref="VacancyMatched"/>, whose effect is the stored
/// suggestions). The outbox marks a row delivered only then, so a crash before that leaves it to be published again.
/// </summary>
public sealed class InMemoryDeliveryTracker(IReadOnlyDictionary<Type, int> endpointsByMessageType)
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, Delivery> inFlight = [];

    /// <summary>Receive endpoints subscribed to each contract type (one endpoint per consumer type here).</summary>
    public IReadOnlyDictionary<Type, int> EndpointsByMessageType => endpointsByMessageType;

    /// <summary>
    /// Starts tracking a message about to be published; false (and the delivery under way) when it is still in
    /// flight from an earlier attempt, which must then not be published again.
    /// </summary>
    public bool TryStart(Guid messageId, Type messageType, out Task delivered)
    {
        lock (gate)
        {
            if (inFlight.TryGetValue(messageId, out var running))
            {
                delivered = running.Completion.Task;
                return false;
            }

            var delivery = Register(messageId, messageType, parent: null);
            delivered = delivery.Completion.Task;
            Settle(messageId, delivery);
            return true;
        }
    }

    /// <summary>The publish itself failed: nothing is in flight.</summary>
    public void Abandon(Guid messageId)
    {
        lock (gate)
        {
            inFlight.Remove(messageId);
        }
    }

    /// <summary>A consumer publishes a message while consuming <paramref name="parentId"/>: the parent waits for it too.</summary>
    internal void Published(Guid messageId, Type messageType, Guid parentId)
    {
        lock (gate)
        {
            if (!inFlight.TryGetValue(parentId, out var parent) || inFlight.ContainsKey(messageId))
            {
                return;
            }

            parent.Remaining++;
            Settle(messageId, Register(messageId, messageType, parentId));
        }
    }

    /// <summary>A receive endpoint finished the message: its effect is committed, or it failed after its retries.</summary>
    internal void Received(Guid messageId, Exception? fault)
    {
        lock (gate)
        {
            if (!inFlight.TryGetValue(messageId, out var delivery))
            {
                return;
            }

            delivery.Remaining--;
            delivery.Fault ??= fault;
            Settle(messageId, delivery);
        }
    }

    private Delivery Register(Guid messageId, Type messageType, Guid? parent)
    {
        var delivery = new Delivery(parent) { Remaining = endpointsByMessageType.GetValueOrDefault(messageType) };
        inFlight[messageId] = delivery;
        return delivery;
    }

    private void Settle(Guid messageId, Delivery delivery)
    {
        if (delivery.Remaining > 0)
        {
            return;
        }

        inFlight.Remove(messageId);
        // Only a root's completion is awaited (by the dispatcher); a child's fault travels to its root.
        if (delivery.Fault is null || delivery.Parent is not null)
        {
            delivery.Completion.TrySetResult();
        }
        else
        {
            delivery.Completion.TrySetException(delivery.Fault);
        }

        if (delivery.Parent is { } parentId && inFlight.TryGetValue(parentId, out var parent))
        {
            parent.Remaining--;
            parent.Fault ??= delivery.Fault;
            Settle(parentId, parent);
        }
    }

    private sealed class Delivery(Guid? parent)
    {
        public Guid? Parent { get; } = parent;

        public int Remaining { get; set; }

        public Exception? Fault { get; set; }

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
