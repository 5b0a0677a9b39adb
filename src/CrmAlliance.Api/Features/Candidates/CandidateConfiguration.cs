using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Features.Candidates;

public sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.Property(c => c.CaseReference).HasMaxLength(64);
        builder.HasIndex(c => c.CaseReference).IsUnique();
        builder.Property(c => c.DisplayAlias).HasMaxLength(64);
        builder.Property(c => c.Postcode).HasMaxLength(4);
        builder.Property(c => c.LastEmployerCvr).HasMaxLength(8);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.TargetGroup, c.AvailableFrom });
        builder.Property(c => c.WithdrawalReason).HasMaxLength(500);

        // The matching snapshot pages through the pool by id, skipping withdrawn candidates.
        builder.HasIndex(c => new { c.WithdrawnAt, c.Id });
    }
}
