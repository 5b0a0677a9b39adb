using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Features.Yield.ReadModel;

// The read model has no foreign keys to the raw tables: it is derived, rebuilt wholesale, and must not
// block deleting or correcting source rows.

public sealed class YieldCellConfiguration : IEntityTypeConfiguration<YieldCell>
{
    public void Configure(EntityTypeBuilder<YieldCell> builder)
    {
        builder.ToTable("YieldCells");
        builder.HasKey(c => new { c.CompanyId, c.Grain, c.PeriodStart, c.OfferKind, c.TargetGroup });
        builder.Property(c => c.Grain).HasConversion<int>();
        builder.Property(c => c.OfferKind).HasMaxLength(32);
        builder.Property(c => c.TargetGroup).HasMaxLength(32);
        builder.Property(c => c.Version).IsConcurrencyToken();

        // Rankings and summaries read one grain, period and slice for every company.
        builder.HasIndex(c => new { c.Grain, c.PeriodStart, c.OfferKind, c.TargetGroup, c.CompanyId });
    }
}

public sealed class YieldCompanyConfiguration : IEntityTypeConfiguration<YieldCompany>
{
    public void Configure(EntityTypeBuilder<YieldCompany> builder)
    {
        builder.ToTable("YieldCompanies");
        builder.HasKey(c => c.CompanyId);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Cvr).HasMaxLength(8);
        builder.Property(c => c.IndustryCode).HasMaxLength(6);
        builder.Property(c => c.IndustrySection).HasMaxLength(1);
        builder.Property(c => c.MembershipStatus).HasMaxLength(16);
        builder.Property(c => c.ResponsibleConsultantId).HasMaxLength(450);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.IndustrySection);
        builder.HasIndex(c => c.ResponsibleConsultantId);
    }
}

public sealed class YieldPlacementFactConfiguration : IEntityTypeConfiguration<YieldPlacementFact>
{
    public void Configure(EntityTypeBuilder<YieldPlacementFact> builder)
    {
        builder.ToTable("YieldPlacementFacts");
        builder.HasKey(f => f.PlacementId);
        builder.Property(f => f.OfferKind).HasMaxLength(32);
        builder.Property(f => f.TargetGroup).HasMaxLength(32);
        builder.Property(f => f.EndResult).HasMaxLength(16);
        builder.Property(f => f.Version).IsConcurrencyToken();

        // Drill-down lists a company's placements by start or end; the day clock visits running ones.
        builder.HasIndex(f => new { f.CompanyId, f.StartedOn });
        builder.HasIndex(f => new { f.CompanyId, f.EndedOn });
        builder.HasIndex(f => f.EndedOn);
    }
}

public sealed class YieldVacancyFactConfiguration : IEntityTypeConfiguration<YieldVacancyFact>
{
    public void Configure(EntityTypeBuilder<YieldVacancyFact> builder)
    {
        builder.ToTable("YieldVacancyFacts");
        builder.HasKey(f => f.VacancyId);
        builder.Property(f => f.OfferKind).HasMaxLength(32);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.CompanyId, f.PostedOn });
    }
}

public sealed class YieldContactFactConfiguration : IEntityTypeConfiguration<YieldContactFact>
{
    public void Configure(EntityTypeBuilder<YieldContactFact> builder)
    {
        builder.ToTable("YieldContactFacts");
        builder.HasKey(f => f.ContactLogId);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.CompanyId, f.OccurredOn });
    }
}

public sealed class YieldPledgeFactConfiguration : IEntityTypeConfiguration<YieldPledgeFact>
{
    public void Configure(EntityTypeBuilder<YieldPledgeFact> builder)
    {
        builder.ToTable("YieldPledgeFacts");
        builder.HasKey(f => f.PledgeId);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.CompanyId, f.PeriodStart });
    }
}

public sealed class YieldChangeConfiguration : IEntityTypeConfiguration<YieldChange>
{
    public void Configure(EntityTypeBuilder<YieldChange> builder)
    {
        builder.ToTable("YieldChanges");

        // Read as "the companies changed after version V", a range on the key.
        builder.HasKey(c => new { c.Version, c.CompanyId });
    }
}

public sealed class YieldStateConfiguration : IEntityTypeConfiguration<YieldState>
{
    public void Configure(EntityTypeBuilder<YieldState> builder)
    {
        builder.ToTable("YieldState");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ProjectionFingerprint).HasMaxLength(16);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

public sealed class YieldRebuildRunConfiguration : IEntityTypeConfiguration<YieldRebuildRun>
{
    public void Configure(EntityTypeBuilder<YieldRebuildRun> builder)
    {
        builder.ToTable("YieldRebuildRuns");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ProjectionFingerprint).HasMaxLength(16);
        builder.Property(r => r.LeaseHolder).HasMaxLength(200);
        builder.Property(r => r.Phase).HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

public sealed class YieldRebuildBacklogConfiguration : IEntityTypeConfiguration<YieldRebuildBacklog>
{
    public void Configure(EntityTypeBuilder<YieldRebuildBacklog> builder)
    {
        builder.ToTable("YieldRebuildBacklog");
        builder.HasKey(b => b.Id);
    }
}
