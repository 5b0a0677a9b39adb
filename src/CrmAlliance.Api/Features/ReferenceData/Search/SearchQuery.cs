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

    /// <summary>A title begins with the query once the last word's ending is taken off ("svejser" as "svejs" in "Svejsearbejde …").</summary>
    TitleForm,

    /// <summary>
    /// Every query word begins a word of one title or matches one as another form of a title word: with a Danish ending taken off
    /// ("svejser" and "svejsere" as "svejs" in "Svejsearbejde"), as a compound beginning with a title word
    /// ("lagerarbejderne" beginning with "lager"), or as a compound of a synonym and a word ("sosuassistent").
    /// </summary>
    WordForm,

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

    /// <summary>Whether a word of at least <paramref name="minLength"/> letters, shorter than <paramref name="compound"/>, begins it.</summary>
    public bool HasWordBeginning(string compound, int minLength)
    {
        foreach (var word in Words)
        {
            if (word.Length >= minLength && word.Length < compound.Length && compound.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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
    private readonly QueryWord[] _words;
    private readonly string[] _joinedForms;
    private readonly string? _codeKey;
    private readonly bool _codeIsDigits;

    private SearchQuery(string text)
    {
        var words = SearchText.Words(text);
        _joined = string.Join(' ', words);
        _words = words.Select(QueryWord.Of).ToArray();
        _joinedForms = _words.Length == 0 ? [] : _words[^1].Stems.Select(stem => string.Join(' ', words[..^1].Append(stem))).ToArray();
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

        // Every word must be found; the title ranks as its least exact word, but a title beginning with the query's
        // inflected form ranks above titles where the words are only found somewhere.
        var rank = SearchRank.WordPrefix;
        var beginsWithForm = _joinedForms.Any(form => title.Joined.StartsWith(form, StringComparison.Ordinal));
        foreach (var word in _words)
        {
            if (word.Rank(title) is not { } wordRank)
            {
                return null;
            }

            if (wordRank > rank)
            {
                rank = wordRank;
            }
        }

        return beginsWithForm && rank > SearchRank.TitleForm ? SearchRank.TitleForm : rank;
    }

    /// <summary>One query word with what else it may stand for, worked out once per request.</summary>
    private sealed class QueryWord
    {
        // A stem or a title word beginning a compound must keep four letters: "bag" from "bager" would find "bagage".
        private const int MinFormLength = 4;
        private const int MinCompoundRestLength = 3;

        // Danish inflection endings, longest first: "svejserne", "svejsere", "svejser" → "svejs"; "kokken" → "kokk".
        private static readonly string[] Endings = ["erne", "ere", "er", "en", "et", "e"];

        private readonly string _text;
        private readonly string[]? _expansion;
        private readonly string[]? _stemExpansion;
        private readonly Compound? _compound;

        private QueryWord(string text, bool compound)
        {
            _text = text;
            _expansion = SearchSynonyms.ExpansionOf(text);
            Stems = Endings
                .Where(e => text.EndsWith(e, StringComparison.Ordinal) && text.Length - e.Length >= MinFormLength)
                .Select(e => text[..^e.Length])
                .ToArray();
            _stemExpansion = _expansion is null ? Stems.Select(SearchSynonyms.ExpansionOf).FirstOrDefault(x => x is not null) : null;
            if (compound && _expansion is null && _stemExpansion is null)
            {
                _compound = SearchSynonyms.All
                    .Where(pair => pair.Key.Length >= MinFormLength && text.Length - pair.Key.Length >= MinCompoundRestLength && text.StartsWith(pair.Key, StringComparison.Ordinal))
                    .OrderByDescending(pair => pair.Key.Length)
                    .Select(pair => new Compound(pair.Key, pair.Value, new QueryWord(text[pair.Key.Length..], compound: false)))
                    .FirstOrDefault();
            }
        }

        /// <summary>The word without a Danish ending, longest first; empty when it has none (or too short a stem).</summary>
        public string[] Stems { get; }

        public static QueryWord Of(string text) => new(text, compound: true);

        public SearchRank? Rank(SearchableTitle title)
        {
            if (title.HasWordStartingWith(_text) || (_expansion is not null && title.HasWordsStartingWith(_expansion)))
            {
                return SearchRank.WordPrefix;
            }

            if (IsFormOf(title))
            {
                return SearchRank.WordForm;
            }

            // Joined has single spaces between words and the text none, so a hit lies inside one word.
            if ((_text.Length >= MinWithinWordLength && title.Joined.Contains(_text, StringComparison.Ordinal))
                || Stems.Any(stem => title.Joined.Contains(stem, StringComparison.Ordinal)))
            {
                return SearchRank.WithinWord;
            }

            return null;
        }

        private bool IsFormOf(SearchableTitle title)
        {
            foreach (var stem in Stems)
            {
                if (title.HasWordStartingWith(stem))
                {
                    return true;
                }
            }

            if (title.HasWordBeginning(_text, MinFormLength) || (_stemExpansion is not null && title.HasWordsStartingWith(_stemExpansion)))
            {
                return true;
            }

            return _compound is { } compound
                && (title.HasWordsStartingWith(compound.Expansion) || title.HasWordStartingWith(compound.Synonym))
                && compound.Remainder.Rank(title) is SearchRank.WordPrefix or SearchRank.WordForm;
        }

        /// <summary>A query word that is a synonym with a word after it: "sosuassistent" is "sosu" and "assistent".</summary>
        private sealed record Compound(string Synonym, string[] Expansion, QueryWord Remainder);
    }
}
