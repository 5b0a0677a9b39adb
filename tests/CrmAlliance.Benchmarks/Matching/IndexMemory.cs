using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.Matching.Engine;

namespace CrmAlliance.Benchmarks.Matching;

public static class IndexMemory
{
    /// <summary>
    /// Builds an index of the candidates and returns it with the managed heap's growth while building it (the
    /// profiles already exist before, so they are not counted). The index shares the profiles' string instances
    /// for its vocabularies (a few thousand short strings), so the figure is a hair low.
    /// </summary>
    public static (CandidateIndex Index, long Bytes) Build(IEnumerable<CandidateProfile> candidates)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new CandidateIndex();
        foreach (var candidate in candidates)
        {
            index.Upsert(candidate);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(index);
        return (index, after - before);
    }
}
