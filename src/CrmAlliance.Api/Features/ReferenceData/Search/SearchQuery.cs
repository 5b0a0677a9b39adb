namespace CrmAlliance.Api.Features.ReferenceData.Search;

/// <summary>How well an entry matches a query; lower is better.</summary>
public enum SearchRank
{
    /// <summary>The query is the entry's code (dots and spaces aside: "62.01", "6201").</summary>
    ExactCode,

    /// <summary>The query is the leading digits of the code.</summary>
    CodePrefix,

    /// <summary>A title begins with the query ("lager og" in "Lager- og pakhusarbejde").</summary>
    TitlePrefix,

    /// <summary>Every query word begins a word of one title ("svejs" in "Pladearbejde, svejsning …"), synonyms expanded.</summary>
    WordPrefix,

    /// <summary>As above, but a word of three or more letters was found inside a compound ("hjælper" in "medhjælpere").</summary>
    WithinWord,
}

/// <summary>A title prepared once for searching: its words joined by single spaces, and the words.</summary>
public sealed record SearchableTitle(string Joined, string[] Words)
{
    public static IEnumerable<SearchableTitle> From(string title)
    {
        var words = SearchText.Words(title);
        yield return new SearchableTitle(string.Join(' ', words), words);
        if (SearchText.Transliterated(words) is { } plain)
        {
            yield return new SearchableTitle(string.Join(' ', plain), plain);
        }
    }

    public bool HasWordsStartingWith(string[] starts)
    {
        foreach (var start in starts)
        {
            if (!HasWordStartingWith(start))
            {
                return false;
            }
        }

        return true;
    }

    public bool HasWordStartingWith(string start)
    {
        foreach (var word in Words)
        {
            if (word.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A search text taken apart once per request; ranks entries without building anything from the text.</summary>
public sealed class SearchQuery
{
    private const int MinWithinWordLength = 3;

    private readonly string _joined;
    private readonly string[] _words;
    private readonly string[]?[] _expansions;
    private readonly string? _codeKey;
    private readonly bool _codeIsDigits;

    private SearchQuery(string text)
    {
        _words = SearchText.Words(text);
        _joined = string.Join(' ', _words);
        _expansions = _words.Select(SearchSynonyms.ExpansionOf).ToArray();
        var code = CodeKey(text.Replace(" ", "", StringComparison.Ordinal));
        _codeKey = code.Length > 0 && code.All(char.IsAsciiLetterOrDigit) ? code : null;
        _codeIsDigits = _codeKey is not null && _codeKey.All(char.IsAsciiDigit);
    }

    /// <summary>Null when there is nothing to search for (no text): every entry then matches.</summary>
    public static SearchQuery? Parse(string? text) => string.IsNullOrWhiteSpace(text) ? null : new SearchQuery(text.Trim());

    /// <summary>A code as compared: without dots, lower case ("62.01" and "6201" are the same).</summary>
    public static string CodeKey(string code) => code.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();

    public SearchRank? Rank(string entryCodeKey, SearchableTitle[] titles)
    {
        if (_codeKey is not null && entryCodeKey == _codeKey)
        {
            return SearchRank.ExactCode;
        }

        if (_codeIsDigits && entryCodeKey.StartsWith(_codeKey!, StringComparison.Ordinal))
        {
            return SearchRank.CodePrefix;
        }

        SearchRank? best = null;
        foreach (var title in titles)
        {
            if (RankTitle(title) is { } rank && (best is null || rank < best))
            {
                best = rank;
            }
        }

        return best;
    }

    private SearchRank? RankTitle(SearchableTitle title)
    {
        if (_words.Length == 0)
        {
            return null;
        }

        if (title.Joined.StartsWith(_joined, StringComparison.Ordinal))
        {
            return SearchRank.TitlePrefix;
        }

        var rank = SearchRank.WordPrefix;
        for (var i = 0; i < _words.Length; i++)
        {
            var word = _words[i];
            if (title.HasWordStartingWith(word) || (_expansions[i] is { } expansion && title.HasWordsStartingWith(expansion)))
            {
                continue;
            }

            // Joined has single spaces between words and the word none, so a hit lies inside one word.
            if (word.Length >= MinWithinWordLength && title.Joined.Contains(word, StringComparison.Ordinal))
            {
                rank = SearchRank.WithinWord;
                continue;
            }

            return null;
        }

        return rank;
    }
}
