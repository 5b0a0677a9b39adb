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
    private readonly Dictionary<string, string> _idFields = [];
    private readonly HashSet<string> _stringKeyFields = [];

    protected void IdField(Expression<Func<T, Guid>> property, string nodeType, string description)
    {
        var name = NameOf(property);
        Field<NonNullGraphType<IdGraphType>>(name).Description(description);
        _idFields[name] = nodeType;
    }

    protected void OptionalIdField(Expression<Func<T, Guid?>> property, string nodeType, string description)
    {
        var name = NameOf(property);
        Field<IdGraphType>(name).Description(description);
        _idFields[name] = nodeType;
    }

    /// <summary>A user's global ID, decoded to the Identity user id (a string).</summary>
    protected void UserIdField(Expression<Func<T, string?>> property, string description)
    {
        var name = NameOf(property);
        Field<IdGraphType>(name).Description(description);
        _idFields[name] = "User";
        _stringKeyFields.Add(name);
    }

    private static string NameOf(LambdaExpression property)
    {
        var member = ((MemberExpression)property.Body).Member.Name;
        return char.ToLowerInvariant(member[0]) + member[1..];
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var decoded = new Dictionary<string, object?>(value);
        var errors = new List<FieldError>();
        foreach (var (field, nodeType) in _idFields)
        {
            if (decoded.TryGetValue(field, out var raw) && raw is not null)
            {
                var text = raw.ToString();
                if (_stringKeyFields.Contains(field) && GlobalId.TryDecode(text, out var userType, out var userKey) && userType == nodeType)
                {
                    decoded[field] = userKey;
                }
                else if (GlobalId.TryDecode(text, out var type, out var key) && type == nodeType && Guid.TryParse(key, out var id))
                {
                    decoded[field] = id;
                }
                else
                {
                    errors.Add(new FieldError("input." + field, $"'{text}' is not the ID of a {nodeType}."));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return base.ParseDictionary(decoded);
    }
}
