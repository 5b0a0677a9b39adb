using System.Collections.Frozen;

namespace CrmAlliance.Api.Features.ReferenceData.Search;

/// <summary>
/// Words people type that the official titles do not contain: abbreviations and everyday job names. A query word
/// equal to a key also matches a title that has every word of its expansion (as word beginnings), ranked as a
/// word-prefix match. Keep it short: each line must be a name that Danish job ads and jobcentres really use.
/// </summary>
public static class SearchSynonyms
{
    private static readonly FrozenDictionary<string, string[]> Expansions = new Dictionary<string, string>
    {
        // Social- og sundhedshjælper/-assistent: "sosu-hjælper" is searched as "sosu" + "hjælper".
        ["sosu"] = "social- og sundhed",
        ["hjemmehjælper"] = "social- og sundhedsarbejde i private hjem",
        ["hjemmehjælp"] = "social- og sundhedsarbejde i private hjem",
        ["pædagogmedhjælper"] = "pædagogisk medhjælp",
        ["ekspedient"] = "salgsarbejde i butik",
        ["butiksassistent"] = "salgsarbejde i butik",
        // DB07 calls warehousing "Oplagrings- og pakhusvirksomhed".
        ["lager"] = "oplagring",
        ["lagermedarbejder"] = "lager",
        ["lagerarbejder"] = "lager",
        ["rengøringsassistent"] = "rengøringsarbejde",
        ["it"] = "informationsteknologi",
    }.ToFrozenDictionary(pair => pair.Key, pair => SearchText.Words(pair.Value));

    /// <summary>The words a query word stands for, or null when it is no synonym.</summary>
    public static string[]? ExpansionOf(string word) => Expansions.GetValueOrDefault(word);

    /// <summary>The list, for the documentation and its test.</summary>
    public static IReadOnlyDictionary<string, string[]> All => Expansions;
}
