using System.Text.RegularExpressions;

namespace CrmAlliance.Api.Features.ReferenceData;

/// <summary>Checks for the Danish identifiers the CRM stores or must refuse.</summary>
public static partial class DanishIdentifiers
{
    private static readonly int[] CvrWeights = [2, 7, 6, 5, 4, 3, 2, 1];

    /// <summary>A CVR number: 8 digits, not starting with 0, whose weighted sum (2,7,6,5,4,3,2,1) divides by 11.</summary>
    public static bool IsValidCvr(string? cvr)
    {
        if (cvr is null || cvr.Length != 8 || !cvr.All(char.IsAsciiDigit) || cvr[0] == '0')
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (cvr[i] - '0') * CvrWeights[i];
        }

        return sum % 11 == 0;
    }

    /// <summary>A P-number: 10 digits. No modulus check: some were issued with wrong weights.</summary>
    public static bool IsValidPNumber(string? pNumber) => pNumber is { Length: 10 } && pNumber.All(char.IsAsciiDigit);

    /// <summary>
    /// True when the text contains something shaped like a CPR number (DDMMYY-SSSS or DDMMYYSSSS with a
    /// plausible date). Candidate references must never carry one.
    /// </summary>
    public static bool ContainsCprLikeNumber(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (Match match in CprShape().Matches(text))
        {
            var day = int.Parse(match.Groups["d"].Value);
            var month = int.Parse(match.Groups["m"].Value);
            if (day is >= 1 and <= 31 && month is >= 1 and <= 12)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<!\d)(?<d>\d{2})(?<m>\d{2})\d{2}[-\s]?\d{4}(?!\d)")]
    private static partial Regex CprShape();
}
