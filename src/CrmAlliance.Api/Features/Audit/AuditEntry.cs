using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Features.Audit;

/// <summary>What an audit entry records.</summary>
public enum AuditAction
{
    /// <summary>A row was added.</summary>
    Created,

    /// <summary>Fields of a row changed.</summary>
    Changed,

    /// <summary>A row was removed.</summary>
    Deleted,

    /// <summary>Candidate data was read (a list, a detail, an export, the matching snapshot).</summary>
    Read,

    /// <summary>One bulk operation (an import, a set-based update or delete) with its row count.</summary>
    Bulk,
}

/// <summary>
/// One line of the append-only audit trail: who did what to which row, when. Written in the transaction of the
/// change it records, with <see cref="Hash"/> empty; the <see cref="AuditSealer"/> seals it shortly after by giving it
/// the next <see cref="ChainPosition"/> and the hash over its content and the previous entry's hash. Database
/// triggers refuse any other update and every delete.
/// </summary>
public sealed class AuditEntry
{
    public const string SystemUserId = "system";
    public const string SystemRole = "System";

    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user's id, or <see cref="SystemUserId"/> for background work and the matching worker.</summary>
    public required string ActorUserId { get; set; }

    public string? ActorEmail { get; set; }

    /// <summary>The role's name, or <see cref="SystemRole"/>.</summary>
    public required string ActorRole { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The entity's type name, e.g. <c>Candidate</c>, <c>Placement</c>, <c>ApplicationUser</c>.</summary>
    public required string EntityType { get; set; }

    /// <summary>The row's key (several keys joined by commas); null for a list read or bulk operation.</summary>
    public string? EntityId { get; set; }

    /// <summary>The candidate the entry is about, when it is about one: its values are then encrypted under their key.</summary>
    public Guid? CandidateId { get; set; }

    /// <summary>The changed fields' names, comma-separated.</summary>
    public string? Fields { get; set; }

    /// <summary>Old and new values as JSON (<c>{"Postcode":["9000","9220"]}</c>), or encrypted (<see cref="AuditCrypto"/>).</summary>
    public string? Changes { get; set; }

    /// <summary>For reads and bulk operations: the filter or operation, e.g. <c>postcode=9000</c> or the candidate ids read.</summary>
    public string? Details { get; set; }

    public int? RowCount { get; set; }

    /// <summary>Place in the hash chain, given when sealed (1, 2, 3 …, no gaps).</summary>
    public long? ChainPosition { get; set; }

    public byte[]? PreviousHash { get; set; }

    public byte[]? Hash { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    /// <summary>The triggers of the migration <c>AuditTrail</c>; declared so that EF does not rely on OUTPUT/RETURNING alone.</summary>
    public const string AppendOnlyTrigger = "AuditEntries_AppendOnly";
    public const string NoDeleteTrigger = "AuditEntries_NoDelete";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries", t =>
        {
            t.HasTrigger(AppendOnlyTrigger);
            t.HasTrigger(NoDeleteTrigger);
        });
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd();
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.ActorEmail).HasMaxLength(256);
        builder.Property(e => e.ActorRole).HasMaxLength(16);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityId).HasMaxLength(200);
        builder.Property(e => e.Fields).HasMaxLength(2000);
        builder.Property(e => e.Details).HasMaxLength(4000);
        builder.Property(e => e.PreviousHash).HasMaxLength(32);
        builder.Property(e => e.Hash).HasMaxLength(32);

        // One index per search filter (user, entity, candidate, period), and the chain's order for the sealer and verify.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ActorUserId, e.At });
        builder.HasIndex(e => new { e.ActorEmail, e.At });
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => new { e.CandidateId, e.At });
        builder.HasIndex(e => e.ChainPosition).IsUnique();
    }
}

/// <summary>
/// A subject's key for the audit values about them: a candidate's (its <see cref="CandidateId"/>), or a company contact
/// person's (the column holds the contact's id then; <c>AuditedRows.SubjectOf</c>). Deleting it (<see cref="AuditTrail.ForgetAsync"/>) makes those
/// values unreadable while the entries (and the hash chain over their ciphertext) stay: crypto-shredding.
/// </summary>
public sealed class AuditSubjectKey
{
    public Guid CandidateId { get; set; }

    public required byte[] Key { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AuditSubjectKeyConfiguration : IEntityTypeConfiguration<AuditSubjectKey>
{
    public void Configure(EntityTypeBuilder<AuditSubjectKey> builder)
    {
        builder.ToTable("AuditSubjectKeys");
        builder.HasKey(k => k.CandidateId);
        builder.Property(k => k.CandidateId).ValueGeneratedNever();
        builder.Property(k => k.Key).HasMaxLength(32);
    }
}
