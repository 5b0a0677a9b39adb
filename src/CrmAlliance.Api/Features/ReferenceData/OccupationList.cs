namespace CrmAlliance.Api.Features.ReferenceData;

/// <summary>
/// An occupation group of DISCO-08 (Danmarks Statistik's Danish version of ISCO-08) or of ISCO-08.
/// <see cref="Title"/> is English: ISCO-08's, or for a code ISCO-08 lacks (DISCO-08's six-digit job categories,
/// its unit groups 2343 and 2357) that of the nearest ISCO-08 group above it (<see cref="TitleFromParent"/>).
/// <see cref="TitleDa"/> is DISCO-08's, null for the few ISCO-08 groups DISCO-08 leaves out.
/// </summary>
public sealed record Occupation(string Code, string Level, string Title, string? TitleDa = null, bool TitleFromParent = false);

/// <summary>Merges DISCO-08 (Danish titles, to six digits) with ISCO-08 (English titles, to four digits).</summary>
internal static class OccupationList
{
    private static readonly string[] LevelsByLength = ["", "major", "sub-major", "minor", "unit", "", "job"];

    /// <summary>Every code of either list, in code order (which is the hierarchy's order).</summary>
    public static List<Occupation> Merge(IEnumerable<string[]> isco, IEnumerable<string[]> disco)
    {
        var english = isco.ToDictionary(r => r[0], r => r[2], StringComparer.Ordinal);
        var danish = disco.ToDictionary(r => r[1], r => r[3], StringComparer.Ordinal);
        return english.Keys.Union(danish.Keys).Order(StringComparer.Ordinal).Select(code =>
        {
            if (code.Length >= LevelsByLength.Length || LevelsByLength[code.Length].Length == 0 || !code.All(char.IsAsciiDigit))
            {
                throw new InvalidOperationException($"Reference data: '{code}' is not an occupation code of 1–4 or 6 digits.");
            }

            var ownTitle = english.GetValueOrDefault(code);
            var title = ownTitle ?? NearestEnglishAbove(code, english);
            return new Occupation(code, LevelsByLength[code.Length], title, danish.GetValueOrDefault(code), ownTitle is null);
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
