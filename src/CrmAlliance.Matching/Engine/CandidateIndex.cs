namespace CrmAlliance.Matching.Engine;

/// <summary>
/// The matching service's own pool of candidates, fed by the candidate events. Thread-safe: consumers write while
/// matches read (a reader-writer lock; a match holds it for its whole search, a write waits at most one match).
/// <para>
/// Out-of-order events are expected (a snapshot load racing live events, redeliveries): every write carries the
/// event's time, and a write older than what the index holds for the candidate is ignored. A withdrawal leaves a
/// tombstone with its time, so an older registration arriving later does not bring the candidate back; a
/// withdrawal wins a tie with an upsert of the same time.
/// </para>
/// <para>
/// Layout, for matching 100,000 candidates in a millisecond or two: strings are interned to ints; each candidate
/// is a slot in parallel arrays (struct of arrays) with its target group, postcode, first available day, a bit mask
/// of the major groups it seeks, and one int array holding its occupation ids then its skill ids; and for every
/// occupation code, the list of slots seeking it (so a match visits the closest occupations first).
/// </para>
/// </summary>
public sealed class CandidateIndex : IDisposable
{
    /// <summary>The target-group id of an empty slot: no eligibility table reaches it, so scans skip it for free.</summary>
    internal const ushort FreeSlot = ushort.MaxValue;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<Guid, Entry> _entries = [];
    private readonly Stack<int> _freeSlots = new();
    private int _count;

    internal Vocabulary OccupationCodes { get; } = new(StringComparer.Ordinal);

    internal Vocabulary SkillNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Vocabulary PostcodeNames { get; } = new(StringComparer.Ordinal);

    internal Vocabulary TargetGroupNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per occupation id, the slots of the candidates seeking it.</summary>
    internal SlotList[] SlotsByOccupation { get; private set; } = [];

    internal Guid[] Ids { get; private set; } = [];

    /// <summary>Target-group id per slot; <see cref="FreeSlot"/> when the slot is empty.</summary>
    internal ushort[] TargetGroups { get; private set; } = [];

    internal int[] Postcodes { get; private set; } = [];

    internal int[] AvailableFromDays { get; private set; } = [];

    /// <summary>Bit d is set when the candidate seeks an occupation whose first digit is d.</summary>
    internal ushort[] MajorGroups { get; private set; } = [];

    internal ushort[] OccupationCounts { get; private set; } = [];

    internal ushort[] SkillCounts { get; private set; } = [];

    /// <summary>Per slot: the occupation ids (as given, deduplicated) followed by the skill ids.</summary>
    internal int[][] Terms { get; private set; } = [];

    /// <summary>Slots in use or freed: scans run over 0 to SlotCount - 1.</summary>
    internal int SlotCount { get; private set; }

    /// <summary>Candidates in the pool (withdrawn candidates' tombstones not counted).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Withdrawn candidates remembered so that older events about them are ignored.</summary>
    public int TombstoneCount
    {
        get
        {
            using var read = Read();
            return _entries.Count - _count;
        }
    }

    /// <summary>
    /// Adds the candidate or replaces what the index holds for them. Returns false, changing nothing, when
    /// <see cref="CandidateProfile.AsOf"/> is older than the index's state for the candidate (or not newer than
    /// their withdrawal).
    /// </summary>
    public bool Upsert(CandidateProfile candidate)
    {
        if (candidate.CandidateId == Guid.Empty)
        {
            throw new ArgumentException("A candidate needs an id.", nameof(candidate));
        }

        var asOf = candidate.AsOf.UtcTicks;
        var occupations = ProfileText.Occupations(candidate.SoughtOccupations);
        var skills = ProfileText.Skills(candidate.Skills);
        if (occupations.Count > ushort.MaxValue || skills.Count > ushort.MaxValue)
        {
            throw new ArgumentException("A candidate may seek at most 65535 occupations and have at most 65535 skills.", nameof(candidate));
        }

        _lock.EnterWriteLock();
        try
        {
            var known = _entries.TryGetValue(candidate.CandidateId, out var held);
            if (known && (held.IsTombstone ? asOf <= held.AsOfUtcTicks : asOf < held.AsOfUtcTicks))
            {
                return false;
            }

            var targetGroup = TargetGroupNames.GetOrAdd(ProfileText.Trimmed(candidate.TargetGroup));
            if (targetGroup >= FreeSlot)
            {
                throw new InvalidOperationException($"More than {FreeSlot - 1} different target groups: '{candidate.TargetGroup}' is not one of the core's.");
            }

            int slot;
            if (known && !held.IsTombstone)
            {
                slot = held.Slot;
                RemoveFromPostings(slot);
            }
            else
            {
                slot = TakeSlot();
                _count++;
            }

            Store(slot, candidate, (ushort)targetGroup, occupations, skills);
            _entries[candidate.CandidateId] = new Entry(slot, asOf);
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Takes the candidate out of the pool and keeps a tombstone, so an upsert older than (or as old as)
    /// <paramref name="asOf"/> arriving later is ignored. Returns false, changing nothing, when the index holds a
    /// newer state for the candidate. Withdrawing a candidate the index never saw leaves just the tombstone.
    /// </summary>
    public bool Withdraw(Guid candidateId, DateTimeOffset asOf)
    {
        var ticks = asOf.UtcTicks;
        _lock.EnterWriteLock();
        try
        {
            if (_entries.TryGetValue(candidateId, out var held))
            {
                if (ticks < held.AsOfUtcTicks)
                {
                    return false;
                }

                if (!held.IsTombstone)
                {
                    RemoveFromPostings(held.Slot);
                    FreeSlotAt(held.Slot);
                    _count--;
                }
            }

            _entries[candidateId] = new Entry(Entry.NoSlot, ticks);
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Forgets tombstones of withdrawals older than <paramref name="olderThan"/> (when no older event can still
    /// arrive, e.g. after a fresh snapshot load); returns how many were forgotten.
    /// </summary>
    public int PurgeTombstones(DateTimeOffset olderThan)
    {
        var limit = olderThan.UtcTicks;
        _lock.EnterWriteLock();
        try
        {
            var stale = _entries.Where(e => e.Value.IsTombstone && e.Value.AsOfUtcTicks < limit).Select(e => e.Key).ToList();
            foreach (var id in stale)
            {
                _entries.Remove(id);
            }

            return stale.Count;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>Holds the read lock until disposed: the arrays and vocabularies do not change meanwhile.</summary>
    internal ReadLock Read()
    {
        _lock.EnterReadLock();
        return new ReadLock(_lock);
    }

    private void Store(int slot, CandidateProfile candidate, ushort targetGroup, List<string> occupations, List<string> skills)
    {
        var terms = new int[occupations.Count + skills.Count];
        ushort majorGroups = 0;
        for (var i = 0; i < occupations.Count; i++)
        {
            var code = occupations[i];
            var id = OccupationCodes.GetOrAdd(code);
            terms[i] = id;
            if (char.IsAsciiDigit(code[0]))
            {
                majorGroups |= (ushort)(1 << (code[0] - '0'));
            }

            if (id >= SlotsByOccupation.Length)
            {
                var grown = SlotsByOccupation;
                Array.Resize(ref grown, Math.Max(16, OccupationCodes.Count * 2));
                SlotsByOccupation = grown;
            }

            SlotsByOccupation[id].Add(slot);
        }

        for (var i = 0; i < skills.Count; i++)
        {
            terms[occupations.Count + i] = SkillNames.GetOrAdd(skills[i]);
        }

        Ids[slot] = candidate.CandidateId;
        TargetGroups[slot] = targetGroup;
        Postcodes[slot] = PostcodeNames.GetOrAdd(ProfileText.Trimmed(candidate.Postcode));
        AvailableFromDays[slot] = candidate.AvailableFrom.DayNumber;
        MajorGroups[slot] = majorGroups;
        OccupationCounts[slot] = (ushort)occupations.Count;
        SkillCounts[slot] = (ushort)skills.Count;
        Terms[slot] = terms;
    }

    private void RemoveFromPostings(int slot)
    {
        var terms = Terms[slot];
        for (var i = 0; i < OccupationCounts[slot]; i++)
        {
            SlotsByOccupation[terms[i]].Remove(slot);
        }
    }

    private void FreeSlotAt(int slot)
    {
        Ids[slot] = Guid.Empty;
        TargetGroups[slot] = FreeSlot;
        MajorGroups[slot] = 0;
        OccupationCounts[slot] = 0;
        SkillCounts[slot] = 0;
        Terms[slot] = [];
        _freeSlots.Push(slot);
    }

    private int TakeSlot()
    {
        if (_freeSlots.TryPop(out var free))
        {
            return free;
        }

        if (SlotCount == Ids.Length)
        {
            Grow(Math.Max(1024, Ids.Length * 2));
        }

        return SlotCount++;
    }

    private void Grow(int capacity)
    {
        Ids = Resized(Ids, capacity);
        TargetGroups = Resized(TargetGroups, capacity);
        Postcodes = Resized(Postcodes, capacity);
        AvailableFromDays = Resized(AvailableFromDays, capacity);
        MajorGroups = Resized(MajorGroups, capacity);
        OccupationCounts = Resized(OccupationCounts, capacity);
        SkillCounts = Resized(SkillCounts, capacity);
        Terms = Resized(Terms, capacity);
    }

    private static T[] Resized<T>(T[] array, int capacity)
    {
        Array.Resize(ref array, capacity);
        return array;
    }

    private readonly record struct Entry(int Slot, long AsOfUtcTicks)
    {
        public const int NoSlot = -1;

        public bool IsTombstone => Slot == NoSlot;
    }

    internal readonly struct ReadLock(ReaderWriterLockSlim rwLock) : IDisposable
    {
        public void Dispose() => rwLock.ExitReadLock();
    }
}
