using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;

namespace CrmAlliance.DataGeneration;

/// <summary>
/// The candidates generated so far, for giving many of them a later placement (internship, then wage subsidy,
/// then a job). A candidate is busy until their placement ends, then free again until they leave the pool.
/// Candidates are kept as small structs; their rows are written when they are created.
/// </summary>
public sealed class CandidatePool
{
    private readonly List<PooledCandidate> candidates = [];
    private readonly List<int>[] free = Enum.GetValues<TargetGroup>().Select(_ => new List<int>()).ToArray();
    private readonly PriorityQueue<int, int> busy = new();

    public int Count => candidates.Count;

    public PooledCandidate this[int index] => candidates[index];

    public int Add(PooledCandidate candidate)
    {
        candidates.Add(candidate);
        return candidates.Count - 1;
    }

    /// <summary>Candidates whose placements ended before <paramref name="day"/> are free for another.</summary>
    public void ReleaseBefore(DateOnly day)
    {
        while (busy.TryPeek(out var index, out var freeFrom) && freeFrom <= day.DayNumber)
        {
            busy.Dequeue();
            free[(int)candidates[index].Group].Add(index);
        }
    }

    /// <summary>
    /// A free candidate of the group who is still in the pool until <paramref name="staysUntil"/>, taken out of the
    /// free list; null when there is none. Those who leave before any later placement could end are dropped on the way.
    /// </summary>
    public int? TakeFree(TargetGroup group, DateOnly start, DateOnly staysUntil, bool needsNoHigherEducation, SeedRandom random)
    {
        var list = free[(int)group];
        var hopeless = start.AddDays(PlacementSpans.Short);
        for (var attempt = 0; attempt < 4 && list.Count > 0; attempt++)
        {
            var position = random.Next(list.Count);
            var index = list[position];
            var candidate = candidates[index];
            if (candidate.LeavesOn <= hopeless)
            {
                // Starts only grow from month to month: this candidate can take no placement any more.
                RemoveAt(list, position);
                attempt--;
                continue;
            }

            if (candidate.LeavesOn <= staysUntil || (needsNoHigherEducation && candidate.Education > EducationLevel.UpperSecondary))
            {
                continue;
            }

            RemoveAt(list, position);
            return index;
        }

        return null;
    }

    /// <summary>Puts a candidate back into the pool from <paramref name="freeFrom"/> on.</summary>
    public void BusyUntil(int index, DateOnly freeFrom) => busy.Enqueue(index, freeFrom.DayNumber);

    private static void RemoveAt(List<int> list, int position)
    {
        list[position] = list[^1];
        list.RemoveAt(list.Count - 1);
    }
}

/// <summary>What later placements need to know of a generated candidate.</summary>
public readonly record struct PooledCandidate(Guid Id, TargetGroup Group, EducationLevel Education, bool HasWorkExperience, DateOnly LeavesOn, string? LastEmployerCvr);
