using CrmAlliance.Api.Features.Placements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Features.Outcomes;

public sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> builder)
    {
        builder.HasOne<Placement>().WithMany().HasForeignKey(o => o.PlacementId).OnDelete(DeleteBehavior.Cascade);
        // One observation per placement and point in time: imports become idempotent.
        builder.HasIndex(o => new { o.PlacementId, o.MonthsAfterEnd }).IsUnique();
        builder.Property(o => o.RecordedBy).HasMaxLength(450);
        builder.Property(o => o.Source).HasMaxLength(100);
    }
}
