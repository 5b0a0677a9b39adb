namespace CrmAlliance.Matching.Engine;

/// <summary>
/// Interns strings to dense ids 0, 1, 2 … so the index stores ints instead of strings. Ids are never reused:
/// a vocabulary only grows (occupation codes, postcodes and target groups are bounded lists; skills are free text
/// but the core normalises them and caps each list at 30). Not thread-safe on its own: the index's lock guards it.
/// </summary>
internal sealed class Vocabulary(StringComparer comparer)
{
    private readonly Dictionary<string, int> _ids = new(comparer);
    private readonly List<string> _words = [];

    public int Count => _words.Count;

    public string this[int id] => _words[id];

    public int GetOrAdd(string word)
    {
        if (!_ids.TryGetValue(word, out var id))
        {
            id = _words.Count;
            _ids.Add(word, id);
            _words.Add(word);
        }

        return id;
    }

    /// <summary>The word's id, or -1 when it was never seen.</summary>
    public int Find(string word) => _ids.TryGetValue(word, out var id) ? id : -1;
}

/// <summary>A growable list of candidate slots with O(1) append and swap-remove (order does not matter).</summary>
internal struct SlotList
{
    private int[] _slots;

    public int Count { get; private set; }

    public readonly ReadOnlySpan<int> Slots => _slots.AsSpan(0, Count);

    public void Add(int slot)
    {
        _slots ??= new int[4];
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        _slots[Count++] = slot;
    }

    public void Remove(int slot)
    {
        var at = PostingList.IndexOf(_slots, slot, Count);
        _slots[at] = _slots[--Count];
    }
}

/// <summary>
/// A growable list of candidates: their slots, and beside them a copy of their packed facts, so a search reads both
/// in order. O(1) append and swap-remove (order does not matter).
/// </summary>
internal struct PostingList
{
    private int[] _slots;
    private CandidateSlot[] _facts;

    public int Count { get; private set; }

    public readonly ReadOnlySpan<int> Slots => _slots.AsSpan(0, Count);

    public readonly ReadOnlySpan<CandidateSlot> Facts => _facts.AsSpan(0, Count);

    public void Add(int slot, in CandidateSlot facts)
    {
        if (_slots is null)
        {
            _slots = new int[4];
            _facts = new CandidateSlot[4];
        }
        else if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
            Array.Resize(ref _facts, _facts.Length * 2);
        }

        _slots[Count] = slot;
        _facts[Count] = facts;
        Count++;
    }

    /// <summary>Where the slot is among the first <paramref name="count"/>; throws when it is not there.</summary>
    public static int IndexOf(int[] slots, int slot, int count)
    {
        // Array.IndexOf on ints is vectorised: tens of thousands of slots are searched in microseconds.
        var at = Array.IndexOf(slots, slot, 0, count);
        return at >= 0 ? at : throw new InvalidOperationException($"Slot {slot} is not in the list: the index is inconsistent.");
    }

    public void Remove(int slot)
    {
        var at = IndexOf(_slots, slot, Count);
        Count--;
        _slots[at] = _slots[Count];
        _facts[at] = _facts[Count];
    }
}

/// <summary>The index's normalisation of profile text, shared with <see cref="BruteForceMatcher"/>.</summary>
internal static class ProfileText
{
    public static string Trimmed(string? value) => value?.Trim() ?? "";

    /// <summary>Occupation codes trimmed, blanks dropped, each code once, in the given order.</summary>
    public static List<string> Occupations(IEnumerable<string?>? codes)
        => (codes ?? []).Select(Trimmed).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Skills trimmed, blanks dropped, each skill once ignoring case (the first spelling kept), as the core does.</summary>
    public static List<string> Skills(IEnumerable<string?>? skills)
        => (skills ?? []).Select(Trimmed).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
