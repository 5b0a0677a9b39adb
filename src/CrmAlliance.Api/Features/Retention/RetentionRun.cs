using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Features.Retention;

/// <summary>One run of the retention erasure (the daily job or <c>erase-expired</c>), kept as the record of what it did.</summary>
public sealed class RetentionRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>Who or what ran it: "daily job on &lt;machine&gt;" or "erase-expired by &lt;OS user&gt; on &lt;machine&gt;".</summary>
    public required string TriggeredBy { get; set; }

    /// <summary>Candidates whose last withdrawal or placement end fell on or before this day were due.</summary>
    public DateOnly DueThrough { get; set; }

    public int CandidatesErased { get; set; }

    /// <summary>Due candidates another replica erased first, or that became ineligible (e.g. a new placement) meanwhile.</summary>
    public int CandidatesSkipped { get; set; }
}

public sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.Property(r => r.TriggeredBy).HasMaxLength(200);
        builder.HasIndex(r => r.StartedAt);
    }
}
