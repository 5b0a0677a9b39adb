using CrmAlliance.Contracts.Snapshots;

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
/// is a slot in parallel arrays: its id; a 24-byte <see cref="CandidateSlot"/> with its target group, postcode, first
/// available day, a bit mask of the major groups it seeks, a 64-bit signature of its skills and its counts of
/// occupations and skills (all a search needs to bound the candidate's score, in one cache line); and one int array holding its occupation ids then its
/// skill ids. For every occupation code, the list of candidates seeking it, so a match visits the closest occupations
/// first, carrying a copy of each candidate's packed facts, so a search reads them in order and bounds every candidate
/// without jumping around the slot arrays (only the few that pass cost a random read); and for every skill, the list
/// of slots having it, so a match can visit only the candidates with a required skill.
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

    /// <summary>Per occupation id, the candidates seeking it (slot and a copy of its packed facts).</summary>
    internal PostingList[] SlotsByOccupation { get; private set; } = [];

    /// <summary>Per skill id, the slots of the candidates having it (slots only: these lists are many and long).</summary>
    internal SlotList[] SlotsBySkill { get; private set; } = [];

    internal Guid[] Ids { get; private set; } = [];

    /// <summary>Per slot, what a search reads of every candidate it visits, packed into 24 bytes.</summary>
    internal CandidateSlot[] Slots { get; private set; } = [];

    /// <summary>Per slot: the occupation ids (as given, deduplicated) followed by the skill ids.</summary>
    internal int[][] Terms { get; private set; } = [];

    /// <summary>
    /// Per slot: the day number of the last day a placement holds the candidate (the latest end of their busy periods),
    /// <see cref="NotBusy"/> when none does. Outside <see cref="CandidateSlot"/>: read only for the few candidates scored.
    /// </summary>
    internal int[] BusyUntilDay { get; private set; } = [];

    /// <summary>The <see cref="BusyUntilDay"/> of a candidate no placement holds.</summary>
    internal const int NotBusy = int.MinValue;

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

            var postcode = PostcodeNames.GetOrAdd(ProfileText.Trimmed(candidate.Postcode));
            if (postcode > ushort.MaxValue)
            {
                throw new InvalidOperationException($"More than {ushort.MaxValue + 1} different postcodes: '{candidate.Postcode}' cannot be a Danish one.");
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

            Store(slot, candidate, (ushort)targetGroup, (ushort)postcode, occupations, skills);
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

    private void Store(int slot, CandidateProfile candidate, ushort targetGroup, ushort postcode, List<string> occupations, List<string> skills)
    {
        var terms = new int[occupations.Count + skills.Count];
        ushort majorGroups = 0;
        for (var i = 0; i < occupations.Count; i++)
        {
            var code = occupations[i];
            terms[i] = OccupationCodes.GetOrAdd(code);
            if (char.IsAsciiDigit(code[0]))
            {
                majorGroups |= (ushort)(1 << (code[0] - '0'));
            }
        }

        ulong skillMask = 0;
        for (var i = 0; i < skills.Count; i++)
        {
            var id = SkillNames.GetOrAdd(skills[i]);
            terms[occupations.Count + i] = id;
            skillMask |= CandidateSlot.SkillBit(id);
        }

        var facts = new CandidateSlot
        {
            AvailableFromDay = candidate.AvailableFrom.DayNumber,
            TargetGroup = targetGroup,
            Postcode = postcode,
            MajorGroups = majorGroups,
            OccupationCount = (ushort)occupations.Count,
            SkillCount = (ushort)skills.Count,
            SkillMask = skillMask,
        };
        Ids[slot] = candidate.CandidateId;
        Slots[slot] = facts;
        Terms[slot] = terms;
        BusyUntilDay[slot] = candidate.BusyPeriods is { Count: > 0 } busy ? busy.Max(p => p.To.DayNumber) : NotBusy;
        for (var i = 0; i < occupations.Count; i++)
        {
            SlotsByOccupation = WithRoomFor(SlotsByOccupation, terms[i]);
            SlotsByOccupation[terms[i]].Add(slot, facts);
        }

        for (var i = occupations.Count; i < terms.Length; i++)
        {
            SlotsBySkill = WithRoomFor(SlotsBySkill, terms[i]);
            SlotsBySkill[terms[i]].Add(slot);
        }
    }

    private void RemoveFromPostings(int slot)
    {
        var terms = Terms[slot];
        int occupationCount = Slots[slot].OccupationCount;
        for (var i = 0; i < occupationCount; i++)
        {
            SlotsByOccupation[terms[i]].Remove(slot);
        }

        for (var i = occupationCount; i < terms.Length; i++)
        {
            SlotsBySkill[terms[i]].Remove(slot);
        }
    }

    private static T[] WithRoomFor<T>(T[] lists, int id)
    {
        if (id >= lists.Length)
        {
            Array.Resize(ref lists, Math.Max(16, (id + 1) * 2));
        }

        return lists;
    }

    private void FreeSlotAt(int slot)
    {
        Ids[slot] = Guid.Empty;
        Slots[slot] = new CandidateSlot { TargetGroup = FreeSlot };
        Terms[slot] = [];
        BusyUntilDay[slot] = NotBusy;
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
        Slots = Resized(Slots, capacity);
        Terms = Resized(Terms, capacity);
        BusyUntilDay = Resized(BusyUntilDay, capacity);
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

/// <summary>What a search reads of every candidate it visits: enough to bound the score without the skill list (24 bytes).</summary>
internal struct CandidateSlot
{
    /// <summary>
    /// Bit (id mod 64) set for each of the candidate's skill ids: a required skill whose bit is clear is surely
    /// missing, so counting the required skills whose bit is set bounds the skills matched (a Bloom filter of one hash).
    /// </summary>
    public ulong SkillMask;

    public int AvailableFromDay;

    /// <summary>Target-group id; <see cref="CandidateIndex.FreeSlot"/> when the slot is empty.</summary>
    public ushort TargetGroup;

    public ushort Postcode;

    /// <summary>Bit d is set when the candidate seeks an occupation whose first digit is d.</summary>
    public ushort MajorGroups;

    public ushort OccupationCount;

    public ushort SkillCount;

    public static ulong SkillBit(int skillId) => 1UL << (skillId & 63);
}
