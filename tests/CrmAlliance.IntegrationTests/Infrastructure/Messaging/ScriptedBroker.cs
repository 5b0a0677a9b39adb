using System.Collections.Concurrent;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;

namespace CrmAlliance.IntegrationTests.Infrastructure.Messaging;

/// <summary>
/// Stands in for the broker (outside the system) where a test must take it down on cue: while
/// <see cref="IsDown"/>, a publish hangs like MassTransit's does until the dispatcher's timeout.
/// </summary>
public sealed class ScriptedBroker : IEventPublisher
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _held = new();
    private volatile bool _down;

    public bool IsDown { get => _down; set => _down = value; }

    public ConcurrentQueue<(Guid MessageId, object Message)> Published { get; } = new();

    /// <summary>Every publish attempt, failed ones included.</summary>
    public ConcurrentQueue<(Guid MessageId, object Message)> Attempts { get; } = new();

    /// <summary>Publishes of this vacancy's events take until <see cref="Release"/>, like a slow broker or consumer.</summary>
    public void Hold(Guid vacancyId) => _held[vacancyId] = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(Guid vacancyId)
    {
        if (_held.TryRemove(vacancyId, out var gate))
        {
            gate.TrySetResult();
        }
    }

    public async Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken)
    {
        Attempts.Enqueue((messageId, message));
        if (IsDown)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (message is VacancyClosed closed && _held.TryGetValue(closed.VacancyId, out var gate))
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        // A little latency, so that concurrent dispatchers really overlap.
        await Task.Delay(2, cancellationToken);
        Published.Enqueue((messageId, message));
    }
}
