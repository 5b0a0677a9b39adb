using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.ReferenceData.Search;

/// <summary>
/// A code list prepared for searching at start-up (normalised titles, code keys); a search is one pass over the
/// list (about 1,200 or 1,700 entries), ranked by <see cref="SearchRank"/> and then by the list's own order.
/// </summary>
public sealed class ReferenceSearchIndex<T>
{
    private readonly Entry[] _entries;

    public ReferenceSearchIndex(IEnumerable<T> items, Func<T, string> code, Func<T, IEnumerable<string>> searchableTitles)
        => _entries = items.Select(item => new Entry(item, SearchQuery.CodeKey(code(item)), searchableTitles(item).SelectMany(SearchableTitle.From).ToArray())).ToArray();

    /// <summary>The ranked page; <paramref name="include"/>, when given, leaves out the entries it refuses before ranking and counting.</summary>
    public Page<T> Search(ReferenceSearchRequest request, Func<T, bool>? include = null)
    {
        request.Validate();
        var query = SearchQuery.Parse(request.Search);
        var codePrefix = request.CodePrefix is null ? null : SearchQuery.CodeKey(request.CodePrefix);
        var matches = new List<(SearchRank Rank, int Position)>();
        for (var position = 0; position < _entries.Length; position++)
        {
            var entry = _entries[position];
            if ((codePrefix is not null && !entry.CodeKey.StartsWith(codePrefix, StringComparison.Ordinal)) || (include is not null && !include(entry.Item)))
            {
                continue;
            }

            var rank = query is null ? SearchRank.ExactCode : query.Rank(entry.CodeKey, entry.Titles);
            if (rank is not null)
            {
                matches.Add((rank.Value, position));
            }
        }

        matches.Sort();
        var items = matches.Skip(request.Offset).Take(request.First).Select(m => _entries[m.Position].Item).ToList();
        return new Page<T>(items, matches.Count, request.Offset);
    }

    private sealed record Entry(T Item, string CodeKey, SearchableTitle[] Titles);
}
