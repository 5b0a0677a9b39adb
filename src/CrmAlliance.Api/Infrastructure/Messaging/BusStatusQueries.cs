using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <param name="Backlog">Events committed but not yet published.</param>
/// <param name="Retrying">Of those, how many failed at least once (the broker was down or refused).</param>
/// <param name="OldestUnsent">The event waiting longest, or null when the backlog is empty.</param>
public sealed record OutboxStatusView(int Backlog, int Retrying, UnsentEventView? OldestUnsent);

public sealed record UnsentEventView(Guid MessageId, string MessageType, Guid AggregateId, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError);

public sealed record ConsumerFailureView(Guid Id, Guid? FaultedMessageId, string MessageType, string ExceptionType, string ExceptionMessage, string Host, DateTimeOffset OccurredAt);

/// <summary>What Admins see of the bus: the outbox backlog and the messages consumers gave up on.</summary>
public sealed class BusStatusQueries(CrmDbContext db, IEnumerable<IBackgroundWorkStatus> backgroundWork)
{
    /// <summary>Background work under way (e.g. a read model being rebuilt aside), with its progress.</summary>
    public async Task<IReadOnlyList<BackgroundWorkView>> BackgroundWorkAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin);
        var running = new List<BackgroundWorkView>();
        foreach (var work in backgroundWork)
        {
            if (await work.CurrentAsync(cancellationToken) is { } view)
            {
                running.Add(view);
            }
        }

        return running;
    }

    public async Task<OutboxStatusView> OutboxAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin);
        var unsent = db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null);
        var backlog = await unsent.CountAsync(cancellationToken);
        var retrying = await unsent.CountAsync(m => m.Attempts > 0, cancellationToken);
        var oldest = await unsent.OrderBy(m => m.Sequence)
            .Select(m => new UnsentEventView(m.MessageId, m.MessageType, m.AggregateId, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.LastError))
            .FirstOrDefaultAsync(cancellationToken);
        return new(backlog, retrying, oldest);
    }

    public async Task<Page<ConsumerFailureView>> FailuresAsync(DateTimeOffset? since, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin);
        var failures = db.ConsumerFailures.AsNoTracking();
        if (since is { } from)
        {
            failures = failures.Where(f => f.OccurredAt >= from);
        }

        return await failures.OrderByDescending(f => f.OccurredAt).ThenByDescending(f => f.Id)
            .Select(f => new ConsumerFailureView(f.Id, f.FaultedMessageId, f.MessageType, f.ExceptionType, f.ExceptionMessage, f.Host, f.OccurredAt))
            .ToPageAsync(page, cancellationToken);
    }
}
