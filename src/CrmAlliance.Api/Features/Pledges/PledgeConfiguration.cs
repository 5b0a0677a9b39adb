using CrmAlliance.Api.Features.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Features.Pledges;

public sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.CompanyId, p.PeriodStart });
        // The raw-row export: every company's pledges overlapping a period.
        builder.HasIndex(p => new { p.PeriodEnd, p.PeriodStart });
        builder.PrimitiveCollection(p => p.TargetGroups).ElementType().HasConversion<string>();
        builder.Property(p => p.Note).HasMaxLength(4000);
        builder.Property(p => p.RecordedBy).HasMaxLength(450);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
