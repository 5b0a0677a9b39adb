namespace CrmAlliance.Api.Features.ReferenceData;

/// <summary>Checks for the Danish identifiers the CRM stores or must refuse.</summary>
public static class DanishIdentifiers
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
}
