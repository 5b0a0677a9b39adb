using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Vacancies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Features.Placements;

public sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.HasOne<Candidate>().WithMany().HasForeignKey(p => p.CandidateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Workplace>().WithMany().HasForeignKey(p => p.WorkplaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vacancy>().WithMany().HasForeignKey(p => p.VacancyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.EndReason).HasMaxLength(1000);
        builder.Property(p => p.ProposedBy).HasMaxLength(450);
        builder.Property(p => p.ApprovedBy).HasMaxLength(450);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.OwnsOne(p => p.EmployeeRepStatement, s =>
        {
            s.Property(x => x.RepresentativeName).HasMaxLength(200);
            s.Property(x => x.Comment).HasMaxLength(2000);
            s.Property(x => x.RecordedBy).HasMaxLength(450);
        });
        builder.OwnsOne(p => p.WageSubsidyConfirmation, c => c.Property(x => x.ConfirmedBy).HasMaxLength(450));
        builder.HasMany(p => p.Exemptions).WithOne().HasForeignKey(e => e.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.CompanyId, p.Status });
        // The ratio rule counts the workplace's concurrent internship and wage-subsidy placements.
        builder.HasIndex(p => new { p.WorkplaceId, p.Status, p.PlannedStart });
        builder.HasIndex(p => p.CandidateId);
        builder.HasIndex(p => new { p.Status, p.OfferKind, p.PlannedStart });
        builder.HasIndex(p => p.VacancyId);
        // The unfiltered placement list is sorted by planned start.
        builder.HasIndex(p => p.PlannedStart);
        // The period filter (planned end on or after its start) and the other sort keys.
        builder.HasIndex(p => p.PlannedEnd);
        builder.HasIndex(p => p.CreatedAt);
        // The raw-row exports: placements that ran during a period, outcomes of those that ended in it.
        builder.HasIndex(p => new { p.ActualEnd, p.ActualStart });
    }
}

public sealed class RuleExemptionConfiguration : IEntityTypeConfiguration<RuleExemption>
{
    public void Configure(EntityTypeBuilder<RuleExemption> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.Property(e => e.RecordedBy).HasMaxLength(450);
        builder.HasIndex(e => e.RecordedAt);
    }
}
