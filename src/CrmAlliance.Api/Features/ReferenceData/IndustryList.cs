namespace CrmAlliance.Api.Features.ReferenceData;

/// <summary>
/// A NACE Rev. 2 entry (section, division, group, class; code as Eurostat writes it, e.g. 62.01) or a DB07
/// six-digit subclass (code as companies carry it, e.g. 620100, whose parent is its class). <see cref="Title"/> is
/// English: Eurostat's, or for a subclass its class's (<see cref="TitleFromParent"/>). <see cref="TitleDa"/> is
/// Danmarks Statistik's DB07 title.
/// </summary>
public sealed record Industry(string Code, string Level, string? Parent, string Title, string? TitleDa = null, bool TitleFromParent = false);

/// <summary>Merges NACE Rev. 2 (English) with DB07 (Danish, every level plus the six-digit subclasses).</summary>
internal static class IndustryList
{
    private const int Level = 1, Section = 2, Division = 3, Group = 4, Class = 5, Subclass = 6, Note = 7, Text = 8, SixDigits = 12;

    /// <summary>NACE's entries in NACE's order, each class followed by its DB07 subclasses.</summary>
    public static List<Industry> Merge(IEnumerable<string[]> nace, IEnumerable<string[]> db07)
    {
        var current = db07.Where(IsCurrent).ToList();
        var danish = current.ToDictionary(r => r[Section + int.Parse(r[Level], System.Globalization.CultureInfo.InvariantCulture)].Trim(), r => r[Text], StringComparer.Ordinal);
        var subclasses = current.Where(r => r[Subclass].Length > 0).ToLookup(r => r[Class]);
        var merged = new List<Industry>();
        foreach (var row in nace)
        {
            var entry = new Industry(row[0], row[1], row[2].Length == 0 ? null : row[2], row[3], danish.GetValueOrDefault(row[0]));
            merged.Add(entry);
            merged.AddRange(subclasses[entry.Code].Select(s => new Industry(s[SixDigits], "subclass", entry.Code, entry.Title, s[Text], TitleFromParent: true)));
        }

        var placed = merged.Count(i => i.Level == "subclass");
        if (placed != subclasses.Sum(g => g.Count()) || merged.Any(i => i.TitleDa is null))
        {
            throw new InvalidOperationException("Reference data: DB07 and NACE Rev. 2 do not line up (a subclass without its class, or a NACE code without a DB07 title).");
        }

        return merged;
    }

    /// <summary>DB07 v3:2014: without the rows only older versions had (note "2008-…") and "999999 Uoplyst".</summary>
    private static bool IsCurrent(string[] row)
        => !row[Note].Contains("2008-", StringComparison.Ordinal) && row[SixDigits] != "999999";
}
