namespace CrmAlliance.Api.Core;

/// <summary>
/// A LIKE pattern for "contains what the user typed": the typed text is matched as written, so "50%" or "A_S" find
/// names holding those characters instead of acting as wildcards. Use with <see cref="Escape"/> as LIKE's escape.
/// </summary>
public static class TextSearch
{
    public const string Escape = "\\";

    public static string ContainsPattern(string typed)
        => "%" + typed.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
