using CrmAlliance.Api.Infrastructure.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// Exactly-once effect for at-least-once delivery: a consumer's changes and its inbox entry
/// (consumer, MessageId) are saved in one transaction; a message already in the inbox is skipped.
/// </summary>
public sealed class Inbox(CrmDbContext db, TimeProvider clock, ILogger<Inbox> logger)
{
    /// <summary>
    /// Runs <paramref name="apply"/> (which only stages changes on the context) unless this consumer has
    /// applied the message before, then saves once. False when it was a repeat.
    /// </summary>
    public async Task<bool> ApplyOnceAsync<T>(string consumer, ConsumeContext<T> context, Func<CrmDbContext, Task> apply)
        where T : class
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(T).Name} arrived without a MessageId; it cannot be applied exactly once.");
        var cancellationToken = context.CancellationToken;
        if (await db.InboxMessages.AnyAsync(m => m.Consumer == consumer && m.MessageId == messageId, cancellationToken))
        {
            logger.LogInformation("{Consumer} skipped {MessageType} {MessageId}: applied before.", consumer, typeof(T).Name, messageId);
            return false;
        }

        await apply(db);
        db.InboxMessages.Add(new InboxMessage { Consumer = consumer, MessageId = messageId, ProcessedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.InboxMessages.AnyAsync(m => m.Consumer == consumer && m.MessageId == messageId, CancellationToken.None))
            {
                // A concurrent redelivery won the race; its effect stands and ours is discarded.
                return false;
            }

            throw;
        }
    }
}
