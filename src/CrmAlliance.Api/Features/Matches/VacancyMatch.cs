using System.Text.Json;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Features.Matches;

public enum MatchStatus
{
    /// <summary>Proposed by matching, waiting for a consultant.</summary>
    Suggested,

    /// <summary>A consultant proposed a placement from it.</summary>
    Accepted,

    /// <summary>A consultant turned it down, with a reason.</summary>
    Dismissed,

    /// <summary>Replaced by a newer round of matching before anyone acted on it.</summary>
    Superseded,
}

/// <summary>One candidate matching proposed for a vacancy, and what a consultant did with it.</summary>
public sealed class VacancyMatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid VacancyId { get; set; }

    public Guid CandidateId { get; set; }

    /// <summary>1 for the best candidate of its round.</summary>
    public int Rank { get; set; }

    public double Score { get; set; }

    /// <summary>Matching's line, in English (GraphQL's <c>explanation</c>).</summary>
    public required string Explanation { get; set; }

    /// <summary>The facts of <see cref="Explanation"/>, for the web pages to say in the user's language; null for suggestions stored before them.</summary>
    public MatchReasons? Reasons { get; set; }

    /// <summary>The vacancy event (posted or changed) this round of matching answered.</summary>
    public DateTimeOffset VacancyAsOf { get; set; }

    public DateTimeOffset MatchedAt { get; set; }

    public MatchStatus Status { get; set; } = MatchStatus.Suggested;

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DismissReason { get; set; }

    /// <summary>The placement proposed when the match was accepted.</summary>
    public Guid? PlacementId { get; set; }

    public int Version { get; set; } = 1;
}

public sealed class VacancyMatchConfiguration : IEntityTypeConfiguration<VacancyMatch>
{
    public void Configure(EntityTypeBuilder<VacancyMatch> builder)
    {
        builder.HasOne<Vacancy>().WithMany().HasForeignKey(m => m.VacancyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(m => m.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Placement>().WithMany().HasForeignKey(m => m.PlacementId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(m => m.Explanation).HasMaxLength(300);
        builder.Property(m => m.Reasons).HasMaxLength(1000).HasConversion(
            reasons => reasons == null ? null : JsonSerializer.Serialize(reasons, JsonSerializerOptions.Web),
            json => json == null ? null : JsonSerializer.Deserialize<MatchReasons>(json, JsonSerializerOptions.Web));
        builder.Property(m => m.DismissReason).HasMaxLength(500);
        builder.Property(m => m.DecidedBy).HasMaxLength(450);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Version).IsConcurrencyToken();

        // vacancy.matches reads a vacancy's current suggestions in rank order; the quality figures count by status.
        builder.HasIndex(m => new { m.VacancyId, m.Status, m.Rank });
        builder.HasIndex(m => m.Status);
        builder.HasIndex(m => m.CandidateId);
    }
}
