using CrmAlliance.Api.Features.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Features.ContactLogs;

public sealed class ContactLogConfiguration : IEntityTypeConfiguration<ContactLog>
{
    public void Configure(EntityTypeBuilder<ContactLog> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.ConsultantId).HasMaxLength(450);
        builder.Property(c => c.Summary).HasMaxLength(4000);
        builder.Property(c => c.Outcome).HasMaxLength(1000);
        builder.HasIndex(c => new { c.CompanyId, c.OccurredAt });
        // The "follow-ups due" list: a consultant's open follow-ups by date.
        builder.HasIndex(c => new { c.ConsultantId, c.FollowUpDone, c.FollowUpOn });
        // The raw-row export: every company's contacts in a period.
        builder.HasIndex(c => c.OccurredAt);
    }
}
