using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// A message some consumer (in the Api or a matching worker) gave up on after its retries: it now lies
/// in that consumer's <c>_error</c> queue. Recorded from MassTransit's published <c>Fault&lt;T&gt;</c>.
/// </summary>
public sealed class ConsumerFailure
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The faulted message's MessageId, to find it in the <c>_error</c> queue.</summary>
    public Guid? FaultedMessageId { get; set; }

    public required string MessageType { get; set; }

    public required string ExceptionType { get; set; }

    public required string ExceptionMessage { get; set; }

    /// <summary>Machine and process that failed, e.g. <c>matching-1 (CrmAlliance.Matching.Worker)</c>.</summary>
    public required string Host { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}

public sealed class ConsumerFailureConfiguration : IEntityTypeConfiguration<ConsumerFailure>
{
    public void Configure(EntityTypeBuilder<ConsumerFailure> builder)
    {
        builder.Property(f => f.MessageType).HasMaxLength(200);
        builder.Property(f => f.ExceptionType).HasMaxLength(200);
        builder.Property(f => f.ExceptionMessage).HasMaxLength(2000);
        builder.Property(f => f.Host).HasMaxLength(200);
        builder.HasIndex(f => f.OccurredAt);
    }
}
