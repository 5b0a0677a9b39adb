using System.Text.RegularExpressions;

namespace CrmAlliance.Api.Core;

/// <summary>
/// CPR numbers (Danish personal identity numbers) must never be stored: citizens are held pseudonymously. This
/// finds anything shaped like one in a text, so that every path that stores text can refuse it without echoing it.
/// </summary>
public static partial class CprNumbers
{
    /// <summary>
    /// True when the text contains something shaped like a CPR number: DDMMYY-SSSS, DDMMYY SSSS or DDMMYYSSSS with a
    /// plausible day and month, not part of a longer run of digits. A P-number of that shape is refused too: the
    /// refusal says how to write it instead.
    /// </summary>
    public static bool AppearIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (Match match in CprShape().Matches(text))
        {
            if (IsPlausible(match))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text with every CPR-shaped number replaced by <see cref="Masked"/>: for messages that repeat what a client
    /// sent (a refused value, GraphQL's own "Unable to convert …"), so that a refusal never spreads the number.
    /// </summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AppearIn(text) ? CprShape().Replace(text, match => IsPlausible(match) ? Masked : match.Value) : text;
    }

    /// <summary>What a CPR-shaped number is replaced with.</summary>
    public const string Masked = "XXXXXX-XXXX";

    private static bool IsPlausible(Match match)
    {
        var day = int.Parse(match.Groups["d"].Value);
        var month = int.Parse(match.Groups["m"].Value);
        return day is >= 1 and <= 31 && month is >= 1 and <= 12;
    }

    [GeneratedRegex(@"(?<!\d)(?<d>\d{2})(?<m>\d{2})\d{2}[-\s]?\d{4}(?!\d)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CprShape();
}
