using System.Collections.Concurrent;
using CrmAlliance.Contracts;
using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.Matching.Engine;
using Microsoft.Extensions.Options;
using static CrmAlliance.Matching.Tests.Engine.Pools;

namespace CrmAlliance.Matching.Tests.Engine;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Matches_running_while_consumers_write_stay_consistent_and_the_final_pool_matches_the_brute_force()
    {
        var options = new MatchingOptions { TopN = 30 };
        using var index = new CandidateIndex();
        var engine = Matcher(index, options);
        var finalStates = new ConcurrentDictionary<Guid, CandidateProfile?>();
        var writersDone = 0;
        var failures = new ConcurrentQueue<string>();

        // Each writer owns its candidates, so the final state per candidate is known: its last write.
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(() =>
        {
            var pool = new RandomPool(100 + w);
            var random = new Random(w);
            var ids = Enumerable.Range(0, 1_500).Select(_ => Guid.NewGuid()).ToArray();
            for (var op = 0; op < 12_000; op++)
            {
                var id = ids[random.Next(ids.Length)];
                var at = Now.AddTicks(op);
                if (random.Next(5) == 0)
                {
                    index.Withdraw(id, at);
                    finalStates[id] = null;
                }
                else
                {
                    var profile = pool.Candidate(id, at);
                    index.Upsert(profile);
                    finalStates[id] = profile;
                }
            }

            Interlocked.Increment(ref writersDone);
        })).ToList();

        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(() =>
        {
            var pool = new RandomPool(200 + r);
            var rounds = 0;
            while (Volatile.Read(ref writersDone) < writers.Count || rounds < 10)
            {
                rounds++;
                var matches = engine.Match(pool.Vacancy());
                if (!IsWellFormed(matches, options.TopN))
                {
                    failures.Enqueue(string.Join(Environment.NewLine, Show(matches)));
                }
            }
        })).ToList();

        await Task.WhenAll(writers.Concat(readers)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(failures);
        var pool = finalStates.Values.OfType<CandidateProfile>().ToList();
        Assert.Equal(pool.Count, index.Count);
        var bruteForce = new BruteForceMatcher(pool, Options.Create(options), Centres);
        var vacancies = new RandomPool(300);
        for (var v = 0; v < 50; v++)
        {
            var vacancy = vacancies.Vacancy();
            Assert.Equal(Show(bruteForce.Match(vacancy)), Show(engine.Match(vacancy)));
        }
    }

    private static bool IsWellFormed(IReadOnlyList<CandidateMatch> matches, int topN)
        => matches.Count <= topN
           && matches.All(m => m.Score is >= 0 and <= 1 && m.Explanation.Split("; ").Length == 4)
           && matches.Select(m => m.CandidateId).Distinct().Count() == matches.Count
           && matches.Zip(matches.Skip(1)).All(p => p.First.Score > p.Second.Score || (p.First.Score == p.Second.Score && p.First.CandidateId.CompareTo(p.Second.CandidateId) < 0));
}
