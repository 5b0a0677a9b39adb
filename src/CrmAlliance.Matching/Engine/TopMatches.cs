namespace CrmAlliance.Matching.Engine;

/// <summary>
/// The best N (score, candidate) pairs seen so far: a binary heap with the worst kept at the root, so deciding
/// whether a candidate gets in costs one comparison. Better means a higher score, then a smaller candidate id
/// (<see cref="Guid.CompareTo(Guid)"/>, the same order as the ids' text), so results never depend on scan order.
/// </summary>
internal sealed class TopMatches(int capacity)
{
    private readonly double[] _scores = new double[capacity];
    private readonly Guid[] _ids = new Guid[capacity];
    private readonly int[] _slots = new int[capacity];
    private int _count;

    public bool IsFull => _count == capacity;

    /// <summary>The lowest score held; meaningful only when <see cref="IsFull"/>.</summary>
    public double WorstScore => _scores[0];

    public static bool IsBetter(double score, Guid id, double otherScore, Guid otherId)
        => score > otherScore || (score == otherScore && id.CompareTo(otherId) < 0);

    public void Offer(double score, Guid id, int slot)
    {
        if (_count < capacity)
        {
            var at = _count++;
            while (at > 0)
            {
                var parent = (at - 1) / 2;
                if (!IsBetter(_scores[parent], _ids[parent], score, id))
                {
                    break;
                }

                Move(parent, at);
                at = parent;
            }

            Put(at, score, id, slot);
            return;
        }

        if (!IsBetter(score, id, _scores[0], _ids[0]))
        {
            return;
        }

        var node = 0;
        while (true)
        {
            var child = (2 * node) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && IsBetter(_scores[child], _ids[child], _scores[child + 1], _ids[child + 1]))
            {
                child++;
            }

            if (!IsBetter(score, id, _scores[child], _ids[child]))
            {
                break;
            }

            Move(child, node);
            node = child;
        }

        Put(node, score, id, slot);
    }

    /// <summary>The held entries, best first.</summary>
    public (double Score, Guid Id, int Slot)[] BestFirst()
    {
        var entries = new (double Score, Guid Id, int Slot)[_count];
        for (var i = 0; i < _count; i++)
        {
            entries[i] = (_scores[i], _ids[i], _slots[i]);
        }

        Array.Sort(entries, static (a, b) => IsBetter(a.Score, a.Id, b.Score, b.Id) ? -1 : IsBetter(b.Score, b.Id, a.Score, a.Id) ? 1 : 0);
        return entries;
    }

    private void Move(int from, int to)
    {
        _scores[to] = _scores[from];
        _ids[to] = _ids[from];
        _slots[to] = _slots[from];
    }

    private void Put(int at, double score, Guid id, int slot)
    {
        _scores[at] = score;
        _ids[at] = id;
        _slots[at] = slot;
    }
}
