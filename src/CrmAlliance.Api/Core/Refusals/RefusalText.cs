namespace CrmAlliance.Api.Core;

/// <summary>
/// What a refusal says, independent of language: a stable key into <c>RefusalTexts.resx</c> (Danish) and
/// <c>RefusalTexts.en.resx</c> (English) and the values of its named placeholders. <see cref="Refusals"/> renders it.
/// </summary>
public sealed record RefusalText(string Key, IReadOnlyList<RefusalArg> Args)
{
    /// <summary>The key of <see cref="Verbatim"/>: a text that exists in one language only (e.g. Identity's own descriptions).</summary>
    public const string VerbatimKey = "Verbatim";

    public static RefusalText Of(string key, params (string Name, object? Value)[] args)
        => new(key, args.Select(a => new RefusalArg(a.Name, a.Value)).ToList());

    /// <summary>A text that is shown as it is in every language; only for texts that come from outside the core.</summary>
    public static RefusalText Verbatim(string text) => Of(VerbatimKey, ("text", text));

    /// <summary>The English text, e.g. for logs and debuggers.</summary>
    public override string ToString() => Refusals.Describe(this, Refusals.English);
}

/// <summary>One named placeholder's value: a string, number, date, enum (shown by its display name), a nested
/// <see cref="RefusalText"/> or <see cref="CrmException"/>, or a <see cref="RefusalList"/>.</summary>
public readonly record struct RefusalArg(string Name, object? Value);

/// <summary>Several values shown as one ("draft or open", "kladde eller åben"); <paramref name="All"/> joins with "and", else "or".</summary>
public sealed record RefusalList(IReadOnlyList<object?> Items, bool All = false)
{
    public static RefusalList AnyOf<T>(IEnumerable<T> items) => new(items.Cast<object?>().ToList());

    public static RefusalList AllOf<T>(IEnumerable<T> items) => new(items.Cast<object?>().ToList(), All: true);
}
