using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CrmAlliance.Api.Features.Audit;

/// <summary>
/// Which rows and fields the trail records, decided by name so that the audit uses no other feature: not its own
/// tables, nor bookkeeping (outbox, inbox, consumer faults, rule stamps, data-protection keys), the yield read model,
/// nor Identity's tokens; never password hashes or security stamps. A row is about a candidate when it is a
/// <c>Candidate</c> or has a <c>CandidateId</c>.
/// </summary>
public static class AuditedRows
{
    private static readonly HashSet<string> ExcludedTypes = new(StringComparer.Ordinal)
    {
        "AuditEntry", "AuditSubjectKey", "OutboxMessage", "InboxMessage", "ConsumerFailure", "RuleStamp", "DataProtectionKey", "IdentityUserToken",
    };

    private static readonly HashSet<string> ExcludedFields = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName", "NormalizedName", "Version",
    };

    public static bool IsExcluded(IEntityType type)
        => ExcludedTypes.Contains(TypeName(type)) || type.ClrType.Namespace?.EndsWith(".Yield.ReadModel", StringComparison.Ordinal) == true;

    public static bool IsExcludedField(string name) => ExcludedFields.Contains(name);

    /// <summary>The CLR name without generic arity: <c>Candidate</c>, <c>IdentityUserRole</c>.</summary>
    public static string TypeName(IEntityType type)
    {
        var name = type.ClrType.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    public static string KeyOf(EntityEntry entry)
        => string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// Whose key encrypts a row's values: the candidate it is about, or the company contact person it is (erased on
    /// request, <c>eraseCompanyContact</c>). Null: the values are stored as they are.
    /// </summary>
    public static Guid? SubjectOf(EntityEntry entry)
        => CandidateOf(entry) ?? (TypeName(entry.Metadata) == ContactType ? OwnId(entry) : null);

    /// <summary>The subject of a stored entry, as <see cref="SubjectOf(EntityEntry)"/> chose it when the entry was written.</summary>
    public static Guid? SubjectOf(AuditEntry entry)
        => entry.CandidateId ?? (entry.EntityType == ContactType && Guid.TryParse(entry.EntityId, out var contact) ? contact : null);

    private const string ContactType = "CompanyContact";

    private static Guid? OwnId(EntityEntry entry)
        => (entry.State == Microsoft.EntityFrameworkCore.EntityState.Deleted ? entry.Property("Id").OriginalValue : entry.Property("Id").CurrentValue) as Guid?;

    /// <summary>
    /// The candidate a row is about: a <c>Candidate</c>, a row with a <c>CandidateId</c>, or a row that belongs to one of
    /// those (a placement's statement or exemptions, whose free text is about the candidate) when that row is tracked
    /// in the same save — as it is wherever the placement's aggregate is changed.
    /// </summary>
    public static Guid? CandidateOf(EntityEntry entry)
    {
        if (OwnCandidateOf(entry) is { } own)
        {
            return own;
        }

        foreach (var foreignKey in entry.Metadata.GetForeignKeys())
        {
            if (OwnCandidateProperty(foreignKey.PrincipalEntityType) is null)
            {
                continue;
            }

            var key = foreignKey.Properties.Select(p => Value(entry, p.Name)).ToArray();
            var principal = entry.Context.ChangeTracker.Entries().FirstOrDefault(e => e.Metadata == foreignKey.PrincipalEntityType
                && foreignKey.PrincipalKey.Properties.Select(p => Value(e, p.Name)).SequenceEqual(key));
            if (principal is not null && OwnCandidateOf(principal) is { } candidate)
            {
                return candidate;
            }
        }

        return null;
    }

    private static Guid? OwnCandidateOf(EntityEntry entry)
        => OwnCandidateProperty(entry.Metadata) is { } property ? Value(entry, property) as Guid? : null;

    private static string? OwnCandidateProperty(IReadOnlyEntityType type)
        => type.ClrType.Name == "Candidate" ? "Id" : type.FindProperty("CandidateId") is not null ? "CandidateId" : null;

    private static object? Value(EntityEntry entry, string property)
        => entry.State == Microsoft.EntityFrameworkCore.EntityState.Deleted ? entry.Property(property).OriginalValue : entry.Property(property).CurrentValue;
}
