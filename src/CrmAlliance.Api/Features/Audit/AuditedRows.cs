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

    public static Guid? CandidateOf(EntityEntry entry)
    {
        var name = TypeName(entry.Metadata);
        var property = name == "Candidate" ? "Id" : entry.Metadata.FindProperty("CandidateId") is not null ? "CandidateId" : null;
        if (property is null)
        {
            return null;
        }

        var value = entry.State == Microsoft.EntityFrameworkCore.EntityState.Deleted ? entry.Property(property).OriginalValue : entry.Property(property).CurrentValue;
        return value as Guid?;
    }
}
