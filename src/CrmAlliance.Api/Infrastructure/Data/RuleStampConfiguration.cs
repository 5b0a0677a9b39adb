using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Infrastructure.Data;

public sealed class RuleStampConfiguration : IEntityTypeConfiguration<RuleStamp>
{
    public void Configure(EntityTypeBuilder<RuleStamp> builder)
    {
        builder.HasKey(s => new { s.Scope, s.OwnerId });
        builder.Property(s => s.Scope).HasMaxLength(50);
        builder.Property(s => s.Stamp).IsConcurrencyToken();
    }
}
