using System.Text;

namespace CrmAlliance.Api.Core;

/// <summary>A Relay-style page request: <c>first</c> items after the opaque cursor <c>after</c>.</summary>
public sealed record PageRequest(int? First = null, string? After = null)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public int Size => First ?? DefaultSize;

    public int Offset => After is null ? 0 : Cursor.Decode(After) + 1;

    public void Validate()
    {
        new Validator()
            .Check(Size is >= 0 and <= MaxSize, "first", Validator.Between(0, MaxSize))
            .Check(After is null || Cursor.TryDecode(After, out _), "after", RefusalText.Of("Core.NotACursor"))
            .ThrowIfInvalid();
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, int Offset)
{
    public bool HasNextPage => Offset + Items.Count < TotalCount;
}

/// <summary>Cursors are opaque to clients; inside they are positions in the sorted result.</summary>
public static class Cursor
{
    private const string Prefix = "pos:";

    public static string Encode(int position) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + position));

    public static int Decode(string cursor)
        => TryDecode(cursor, out var position) ? position : throw new ValidationException("after", RefusalText.Of("Core.NotACursor"));


    public static bool TryDecode(string cursor, out int position)
    {
        position = -1;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), out position) && position >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
