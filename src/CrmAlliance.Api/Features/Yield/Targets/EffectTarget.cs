using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Features.Yield.Targets;

/// <summary>The rate measures of <see cref="YieldFigures"/> management can set a target for; higher is always better.</summary>
public enum TargetMeasure
{
    WorkOrEducation,
    SelfSupportingAfter1Month,
    SelfSupportingAfter3Months,
    SelfSupportingAfter6Months,
    SelfSupportingAfter12Months,
    Conversion,
    Reach,
}

/// <summary>
/// An effect target (effektmål) management sets for a year: e.g. "60 % of wage-subsidy placements self-supporting
/// after 6 months". One per (year, offer kind, target group, measure).
/// </summary>
public sealed class EffectTarget
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Year { get; set; }

    /// <summary>An OfferKind name, or <see cref="YieldCell.All"/>: the same slice values the read model's cells use.</summary>
    public required string OfferKind { get; set; }

    /// <summary>A TargetGroup name, or <see cref="YieldCell.All"/>.</summary>
    public required string TargetGroup { get; set; }

    public TargetMeasure Measure { get; set; }

    /// <summary>The target share in percent (0–100, at most two decimals).</summary>
    public decimal TargetPercent { get; set; }

    /// <summary>The user who set the current value.</summary>
    public required string SetBy { get; set; }

    public DateTimeOffset SetAt { get; set; }

    public int Version { get; set; } = 1;
}

public sealed class EffectTargetConfiguration : IEntityTypeConfiguration<EffectTarget>
{
    public void Configure(EntityTypeBuilder<EffectTarget> builder)
    {
        builder.ToTable("EffectTargets");

        // "All" rather than NULL for every kind/group: SQLite's unique indexes treat NULLs as distinct.
        builder.HasIndex(t => new { t.Year, t.OfferKind, t.TargetGroup, t.Measure }).IsUnique();
        builder.Property(t => t.OfferKind).HasMaxLength(32);
        builder.Property(t => t.TargetGroup).HasMaxLength(32);
        builder.Property(t => t.Measure).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.TargetPercent).HasPrecision(5, 2);
        builder.Property(t => t.SetBy).HasMaxLength(450);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

public static class TargetMeasures
{
    /// <summary>The rate of <see cref="YieldFigures"/> a target measure is judged on.</summary>
    public static YieldRate RateOf(this YieldFigures figures, TargetMeasure measure) => measure switch
    {
        TargetMeasure.WorkOrEducation => figures.WorkOrEducation,
        TargetMeasure.SelfSupportingAfter1Month => figures.SelfSupportingAfter1Month,
        TargetMeasure.SelfSupportingAfter3Months => figures.SelfSupportingAfter3Months,
        TargetMeasure.SelfSupportingAfter6Months => figures.SelfSupportingAfter6Months,
        TargetMeasure.SelfSupportingAfter12Months => figures.SelfSupportingAfter12Months,
        TargetMeasure.Conversion => figures.Conversion,
        TargetMeasure.Reach => figures.Reach,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    /// <summary>The same rate as a reader sees it.</summary>
    public static ShownRate RateOf(this YieldDisclosure shown, TargetMeasure measure) => measure switch
    {
        TargetMeasure.WorkOrEducation => shown.WorkOrEducation,
        TargetMeasure.SelfSupportingAfter1Month => shown.SelfSupportingAfter1Month,
        TargetMeasure.SelfSupportingAfter3Months => shown.SelfSupportingAfter3Months,
        TargetMeasure.SelfSupportingAfter6Months => shown.SelfSupportingAfter6Months,
        TargetMeasure.SelfSupportingAfter12Months => shown.SelfSupportingAfter12Months,
        TargetMeasure.Conversion => shown.Conversion,
        TargetMeasure.Reach => shown.Reach,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };
}
