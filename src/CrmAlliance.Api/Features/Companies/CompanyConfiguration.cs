using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Features.Companies;

public sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.Property(c => c.Cvr).HasMaxLength(8).IsFixedLength();
        builder.HasIndex(c => c.Cvr).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasIndex(c => c.Name);
        builder.Property(c => c.IndustryCode).HasMaxLength(6);
        builder.HasIndex(c => c.IndustryCode);
        builder.Property(c => c.Address).HasMaxLength(200);
        builder.Property(c => c.Postcode).HasMaxLength(4);
        builder.HasIndex(c => c.MembershipStatus);
        builder.Property(c => c.ResponsibleConsultantId).HasMaxLength(450);
        builder.HasIndex(c => c.ResponsibleConsultantId);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasMany(c => c.Workplaces).WithOne().HasForeignKey(w => w.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class WorkplaceConfiguration : IEntityTypeConfiguration<Workplace>
{
    public void Configure(EntityTypeBuilder<Workplace> builder)
    {
        builder.Property(w => w.PNumber).HasMaxLength(10).IsFixedLength();
        builder.HasIndex(w => w.PNumber).IsUnique();
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.Address).HasMaxLength(200);
        builder.Property(w => w.Postcode).HasMaxLength(4);
    }
}

public sealed class CompanyContactConfiguration : IEntityTypeConfiguration<CompanyContact>
{
    public void Configure(EntityTypeBuilder<CompanyContact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.JobTitle).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.Phone).HasMaxLength(32);
    }
}
