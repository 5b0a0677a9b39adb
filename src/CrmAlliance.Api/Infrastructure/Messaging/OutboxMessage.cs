using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// An event waiting to be published, written in the same transaction as the change that caused it.
/// <see cref="Sequence"/> orders events; the dispatcher keeps that order per <see cref="AggregateId"/>.
/// </summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }

    /// <summary>The bus MessageId: the same on every publish attempt, so consumers' inboxes drop repeats.</summary>
    public Guid MessageId { get; set; }

    /// <summary>The vacancy, candidate or placement the event is about.</summary>
    public Guid AggregateId { get; set; }

    /// <summary>The contract's name, e.g. <c>VacancyPosted</c> (see <see cref="MessageTypes"/>).</summary>
    public required string MessageType { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before this time after a failed attempt (back-off).</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>A dispatcher's claim on the row, so that several Api replicas never publish it at once.</summary>
    public Guid? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>
    /// The W3C trace context of the request that queued the event (when telemetry is on), so that the publish and
    /// the consumers continue its trace; see <c>OutboxDispatcher.StartPublishSpan</c>.
    /// </summary>
    public string? TraceParent { get; set; }

    public static OutboxMessage Create<T>(Guid aggregateId, T message, DateTimeOffset now)
        where T : class
        => new()
        {
            MessageId = Guid.CreateVersion7(now),
            AggregateId = aggregateId,
            MessageType = MessageTypes.NameOf(typeof(T)),
            Body = JsonSerializer.Serialize(message, MessageTypes.Json),
            CreatedAt = now,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null,
        };
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Sequence);
        builder.Property(m => m.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.MessageType).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.TraceParent).HasMaxLength(55);

        // The dispatcher reads unsent rows in order; the backlog query counts them.
        builder.HasIndex(m => new { m.SentAt, m.Sequence });
    }
}

public static class OutboxExtensions
{
    /// <summary>
    /// Queues an event with the unit of work: it is published only if, and right after, the change is
    /// committed. Call before the one SaveChanges of a handler.
    /// </summary>
    public static void Enqueue<T>(this Data.CrmDbContext db, Guid aggregateId, T message, DateTimeOffset now)
        where T : class
        => db.OutboxMessages.Add(OutboxMessage.Create(aggregateId, message, now));
}
