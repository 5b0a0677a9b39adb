using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>A message a consumer has already applied: a redelivery with the same MessageId is a no-op.</summary>
public sealed class InboxMessage
{
    public required string Consumer { get; set; }

    public Guid MessageId { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}

public sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.HasKey(m => new { m.Consumer, m.MessageId });
        builder.Property(m => m.Consumer).HasMaxLength(100);

        // Retention clean-up deletes by age.
        builder.HasIndex(m => m.ProcessedAt);
    }
}
