using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmAlliance.Api.Infrastructure.Data.Bulk;

/// <summary>
/// One column of a table as EF maps it: its name, the type mapping that turns a CLR value into the stored
/// value (enum names, UTC ticks on SQLite, JSON for primitive collections …) and how to read it from an entity.
/// </summary>
public sealed class BulkColumn(string name, RelationalTypeMapping mapping, bool nullable, Func<object, object?> read, PropertyInfo? plainProperty = null)
{
    public string Name { get; } = name;

    public RelationalTypeMapping Mapping { get; } = mapping;

    public bool Nullable { get; } = nullable;

    /// <summary>The entity's own property stored as it is (no converter), which a writer may read without boxing.</summary>
    public PropertyInfo? PlainProperty { get; } = plainProperty;

    /// <summary>The type of the stored value (<see cref="ProviderValue"/>), without <see cref="System.Nullable{T}"/>.</summary>
    public Type ProviderClrType
    {
        get
        {
            var stored = Mapping.Converter?.ProviderClrType ?? Mapping.ClrType;
            return System.Nullable.GetUnderlyingType(stored) ?? stored;
        }
    }

    /// <summary>Text or binary stored without a length limit (nvarchar(max), varbinary(max), TEXT).</summary>
    public bool IsUnboundedText => Mapping.Size is null && (Mapping.Converter?.ProviderClrType ?? Mapping.ClrType) is var stored && (stored == typeof(string) || stored == typeof(byte[]));

    /// <summary>The stored value of this column for <paramref name="entity"/>, as EF would write it.</summary>
    public object ProviderValue(object entity)
    {
        var value = read(entity);
        if (value is null)
        {
            return DBNull.Value;
        }

        return Mapping.Converter is { } converter ? converter.ConvertToProvider(value) ?? DBNull.Value : value;
    }
}

/// <summary>The columns of an entity's table, taken from EF's model so that names and conversions never drift from it.</summary>
public static class BulkColumns
{
    public static (string Table, string? Schema, IReadOnlyList<BulkColumn> Columns) For(IEntityType entityType)
    {
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var columns = new List<BulkColumn>();
        AddColumns(entityType, store, null, columns);
        return (table, entityType.GetSchema(), columns);
    }

    /// <param name="container">Reads the owned object from the root entity; null for the root entity's own columns.</param>
    private static void AddColumns(IEntityType entityType, StoreObjectIdentifier store, Func<object, object?>? container, List<BulkColumn> columns)
    {
        foreach (var property in entityType.GetProperties())
        {
            var name = property.GetColumnName(store);
            if (name is null || columns.Exists(c => c.Name == name))
            {
                // An owned type's key shares its owner's key column, which is written already.
                continue;
            }

            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{entityType.DisplayName()}.{property.Name} is a shadow property; the bulk writer cannot read it.");
            }

            var getter = property.GetGetter();
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var plain = container is null && mapping.Converter is null ? property.PropertyInfo : null;
            columns.Add(new BulkColumn(name, mapping, property.IsColumnNullable(store), entity => (container is null ? entity : container(entity)) is { } owner ? getter.GetClrValue(owner) : null, plain));
        }

        // Owned types split into the owner's table (e.g. a placement's employee-representative statement).
        foreach (var navigation in entityType.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent))
        {
            var owned = navigation.TargetEntityType;
            if (owned.GetTableName() != store.Name || owned.GetSchema() != store.Schema)
            {
                continue;
            }

            var getter = navigation.GetGetter();
            AddColumns(owned, store, entity => (container is null ? entity : container(entity)) is { } owner ? getter.GetClrValue(owner) : null, columns);
        }
    }
}
