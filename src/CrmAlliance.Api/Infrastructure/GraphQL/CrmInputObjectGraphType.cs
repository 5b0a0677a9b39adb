using System.Linq.Expressions;
using CrmAlliance.Api.Core;
using GraphQL.Types;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// An input type over a core input record. Fields declared with <see cref="IdField"/> take global IDs
/// and are decoded to the record's <see cref="Guid"/> before the record is built.
/// </summary>
public abstract class CrmInputObjectGraphType<T> : InputObjectGraphType<T>
{
    protected void IdField(Expression<Func<T, Guid>> property, string nodeType, string description)
    {
        var name = NameOf(property);
        Field<NonNullGraphType<IdGraphType>>(name).Description(description).ParseValue(raw => DecodeGuid(name, nodeType, raw));
    }

    protected void OptionalIdField(Expression<Func<T, Guid?>> property, string nodeType, string description)
    {
        var name = NameOf(property);
        Field<IdGraphType>(name).Description(description).ParseValue(raw => DecodeGuid(name, nodeType, raw));
    }

    /// <summary>A user's global ID, decoded to the Identity user id (a string).</summary>
    protected void UserIdField(Expression<Func<T, string?>> property, string description)
    {
        var name = NameOf(property);
        Field<IdGraphType>(name).Description(description).ParseValue(raw =>
            GlobalId.TryDecode(raw.ToString(), out var type, out var key) && type == "User" ? key : throw NotAnId(name, "User", raw));
    }

    private static string NameOf(LambdaExpression property)
    {
        var member = ((MemberExpression)property.Body).Member.Name;
        return char.ToLowerInvariant(member[0]) + member[1..];
    }

    // Decoded in the field's parser, not in ParseDictionary: GraphQL.NET then reports the failure with the path to
    // the field (the variable's, e.g. $input.contacts[0].companyId, or the argument's), which CrmErrorInfoProvider
    // turns into extensions.field.
    private static Guid DecodeGuid(string field, string nodeType, object raw)
        => GlobalId.TryDecode(raw.ToString(), out var type, out var key) && type == nodeType && Guid.TryParse(key, out var id) ? id : throw NotAnId(field, nodeType, raw);

    private static ValidationException NotAnId(string field, string nodeType, object raw)
    {
        var text = raw.ToString() ?? "";
        return new ValidationException(field, RefusalText.Of("Core.ValueNotAnIdOf", ("value", text.Length > 60 ? text[..60] + "…" : text), ("type", nodeType)));

    }
}
