using System.Globalization;
using System.Text;

namespace CrmAlliance.Api.Features.ReferenceData.Search;

/// <summary>
/// How titles and queries are compared: lower case, words of letters and digits only (hyphens, commas and
/// brackets separate words), other diacritics dropped (é is e, ü is u) but æ, ø and å kept as the letters
/// they are in Danish.
/// </summary>
public static class SearchText
{
    /// <summary>The text's words, normalised; empty when it has no letter or digit.</summary>
    public static string[] Words(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            AppendFolded(folded, char.ToLowerInvariant(c));
        }

        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The words as a keyboard without æ, ø and å writes them (ae, oe, aa); null when that is the same.</summary>
    public static string[]? Transliterated(string[] words)
    {
        if (!words.Any(w => w.AsSpan().IndexOfAny("æøå") >= 0))
        {
            return null;
        }

        return words.Select(w => w.Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal)).ToArray();
    }

    private static void AppendFolded(StringBuilder folded, char c)
    {
        if (c is 'æ' or 'ø' or 'å' || char.IsAsciiLetterOrDigit(c))
        {
            folded.Append(c);
        }
        else if (!char.IsLetterOrDigit(c))
        {
            folded.Append(' ');
        }
        else
        {
            // é → e + combining accent: keep the base letter only.
            foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                {
                    folded.Append(part);
                }
            }
        }
    }
}
