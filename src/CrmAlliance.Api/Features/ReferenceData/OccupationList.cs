namespace CrmAlliance.Api.Features.ReferenceData;

/// <summary>
/// An occupation group of DISCO-08 (Danmarks Statistik's Danish version of ISCO-08) or of ISCO-08.
/// <see cref="Title"/> is English: ISCO-08's, or for a code ISCO-08 lacks (DISCO-08's six-digit job categories,
/// its unit groups 2343 and 2357) that of the nearest ISCO-08 group above it (<see cref="TitleFromParent"/>).
/// <see cref="TitleDa"/> is DISCO-08's, null for the few ISCO-08 groups DISCO-08 leaves out.
/// <see cref="MostSpecific"/> marks a code with no code below it: what a vacancy or a candidate is given (see <see cref="OccupationList"/>).
/// </summary>
public sealed record Occupation(string Code, string Level, string Title, string? TitleDa = null, bool TitleFromParent = false, bool MostSpecific = false);

/// <summary>
/// Merges DISCO-08 (Danish titles, to six digits) with ISCO-08 (English titles, to four digits).
/// Every DISCO-08 unit group has at least one six-digit job category; 356 of the 429 have exactly one, under the same
/// title (7212 and 721200 "Svejsearbejde og skærebrænding"), and in 6 more one category repeats the group's title
/// (2611 and 261110 "Advokatarbejde", beside 261120 "Advokatfuldmægtigarbejde"). So the codes to pick are the most
/// specific ones: the job categories, and the few ISCO-08 unit groups DISCO-08 leaves out (they have none). A unit
/// group stays a valid code (matching compares the groups codes share), it is just not offered twice.
/// </summary>
internal static class OccupationList
{
    private static readonly string[] LevelsByLength = ["", "major", "sub-major", "minor", "unit", "", "job"];

    /// <summary>Every code of either list, in code order (which is the hierarchy's order).</summary>
    public static List<Occupation> Merge(IEnumerable<string[]> isco, IEnumerable<string[]> disco)
    {
        var english = isco.ToDictionary(r => r[0], r => r[2], StringComparer.Ordinal);
        var danish = disco.ToDictionary(r => r[1], r => r[3], StringComparer.Ordinal);
        var codes = english.Keys.Union(danish.Keys).Order(StringComparer.Ordinal).ToList();

        // In code order a code's descendants follow it directly: it is most specific when the next code is not one of them.
        return codes.Select((code, position) =>
        {
            if (code.Length >= LevelsByLength.Length || LevelsByLength[code.Length].Length == 0 || !code.All(char.IsAsciiDigit))
            {
                throw new InvalidOperationException($"Reference data: '{code}' is not an occupation code of 1–4 or 6 digits.");
            }

            var ownTitle = english.GetValueOrDefault(code);
            var title = ownTitle ?? NearestEnglishAbove(code, english);
            var mostSpecific = code.Length >= 4 && (position + 1 == codes.Count || !codes[position + 1].StartsWith(code, StringComparison.Ordinal));
            return new Occupation(code, LevelsByLength[code.Length], title, danish.GetValueOrDefault(code), ownTitle is null, mostSpecific);
        }).ToList();
    }

    private static string NearestEnglishAbove(string code, Dictionary<string, string> english)
    {
        for (var length = Math.Min(code.Length - 1, 4); length > 0; length--)
        {
            if (english.TryGetValue(code[..length], out var title))
            {
                return title;
            }
        }

        throw new InvalidOperationException($"Reference data: occupation {code} has no ISCO-08 group above it.");
    }
}
