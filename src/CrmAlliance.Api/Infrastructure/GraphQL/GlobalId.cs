using System.Text;
using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>Relay global IDs: base64 of "Type:key", so <c>node(id)</c> knows where to look.</summary>
public static class GlobalId
{
    public static string Encode(string type, Guid id) => Encode(type, id.ToString("N"));

    public static string Encode(string type, string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{key}"));

    public static bool TryDecode(string? globalId, out string type, out string key)
    {
        type = key = "";
        if (string.IsNullOrEmpty(globalId))
        {
            return false;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(globalId));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return false;
            }

            type = text[..colon];
            key = text[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Decodes an ID argument that must name a <paramref name="expectedType"/>; a clear VALIDATION error otherwise.</summary>
    public static Guid Parse(string? globalId, string expectedType, string field)
    {
        if (TryDecode(globalId, out var type, out var key) && type == expectedType && Guid.TryParse(key, out var id))
        {
            return id;
        }

        throw new ValidationException(field, RefusalText.Of("Core.NotAnIdOf", ("type", expectedType)));
    }

    public static Guid? ParseOptional(string? globalId, string expectedType, string field)
        => globalId is null ? null : Parse(globalId, expectedType, field);

    public static string ParseKey(string? globalId, string expectedType, string field)
        => TryDecode(globalId, out var type, out var key) && type == expectedType
            ? key
            : throw new ValidationException(field, RefusalText.Of("Core.NotAnIdOf", ("type", expectedType)));

}
