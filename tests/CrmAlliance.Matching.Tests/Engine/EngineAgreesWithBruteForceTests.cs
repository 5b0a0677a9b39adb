using CrmAlliance.Matching.Engine;
using Microsoft.Extensions.Options;
using static CrmAlliance.Matching.Tests.Engine.Pools;

namespace CrmAlliance.Matching.Tests.Engine;

/// <summary>
/// The engine skips candidates by score bounds; these pools check it never skips one that belongs in the top N:
/// ids, order, scores and explanations equal a brute-force scan of the candidates the events leave in the pool.
/// </summary>
public sealed class EngineAgreesWithBruteForceTests
{
    public static TheoryData<int, bool, string> Pools() => new()
    {
        { 1, false, "default" },
        { 2, false, "top 1" },
        { 3, false, "top 50, no minimum" },
        { 4, false, "skills heavy, shallow levels score more than deep ones" },
        { 5, true, "default" },
        { 6, true, "top 50, no minimum" },
    };

    [Theory]
    [MemberData(nameof(Pools))]
    public void The_engine_returns_exactly_the_brute_force_top_n_for_every_vacancy_after_events_arrive_in_any_order(int seed, bool fewDistinctValues, string optionsName)
    {
        var options = optionsName switch
        {
            "top 1" => new MatchingOptions { TopN = 1 },
            "top 50, no minimum" => new MatchingOptions { TopN = 50, MinimumScore = 0 },
            "skills heavy, shallow levels score more than deep ones" => new MatchingOptions
            {
                SkillsWeight = 0.6,
                OccupationWeight = 0.1,
                DistanceWeight = 0.2,
                AvailabilityWeight = 0.1,
                SameMinorGroupScore = 0.95,
                SameUnitGroupScore = 0.5,
                MinimumScore = 0.2,
            },
            _ => new MatchingOptions(),
        };
        var pool = new RandomPool(seed, fewDistinctValues);
        var (events, expected) = pool.Events(5_000);
        using var index = new CandidateIndex();
        events.ForEach(apply => apply(index));
        var engine = Matcher(index, options);
        var bruteForce = new BruteForceMatcher(expected, Options.Create(options), Centres);

        Assert.Equal(expected.Count, index.Count);
        for (var v = 0; v < 150; v++)
        {
            var vacancy = pool.Vacancy();
            var matches = engine.Match(vacancy);
            Assert.Equal(Show(bruteForce.Match(vacancy)), Show(matches));
            Assert.Equal(Show(engine.MatchExhaustively(vacancy)), Show(matches));
        }
    }
}
