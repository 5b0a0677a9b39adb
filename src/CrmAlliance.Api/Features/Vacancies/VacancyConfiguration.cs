using CrmAlliance.Api.Features.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Features.Vacancies;

public sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(v => v.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Workplace>().WithMany().HasForeignKey(v => v.WorkplaceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.OccupationCode).HasMaxLength(6);
        builder.Property(v => v.Title).HasMaxLength(200);
        builder.Property(v => v.Description).HasMaxLength(8000);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => new { v.CompanyId, v.Status });
        builder.HasIndex(v => new { v.Status, v.OfferKind, v.StartDate });
        builder.HasIndex(v => v.OccupationCode);
        builder.HasIndex(v => v.StartDate);
        // The hourly expiry job and the deadline filters.
        builder.HasIndex(v => new { v.Status, v.ApplicationDeadline });
        // The raw-row export: vacancies published in a period.
        builder.HasIndex(v => v.PublishedAt);
    }
}
