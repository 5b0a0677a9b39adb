using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.Matching.Engine;

namespace CrmAlliance.Matching.Tests.Engine;

/// <summary>
/// Seeded random candidates, candidate events and vacancies that hit the engine's corners: codes sharing 1 to 6
/// digits, 5- and 6-digit codes, malformed and blank codes, skills in odd case and spacing, unknown postcodes,
/// unknown target groups, flex jobs, and (with <c>fewDistinctValues</c>) many equal scores.
/// </summary>
internal sealed class RandomPool(int seed, bool fewDistinctValues = false)
{
    private static readonly string[] UnitGroups =
    [
        "5223", "5221", "5222", "5230", "5311", "5321", "5322", "4321", "4322", "9112", "9121", "9333", "8322", "7212",
        "7213", "7411", "2221", "2222", "3221", "0110", "2512", "2513", "2611", "5120",
    ];

    private static readonly string[] OfferKinds = [.. DomainNames.OfferKinds, "FlexJob", "SomethingNew"];

    private static readonly string[] TargetGroups = [.. DomainNames.TargetGroups, "FlexJobSeeker", "SomethingNew"];

    private readonly Random _random = new(seed);

    // Its own generator, so adding busy periods left every other random choice as it was.
    private readonly Random _busy = new(seed + 1);
    private readonly string[] _postcodes = fewDistinctValues
        ? ["9000", "9400"]
        : [.. new Random(seed).GetItems(Pools.Centres.Postcodes.ToArray(), 40), "0000", "9850", " 9000 ", "9000"];

    private readonly string[] _skills = Enumerable.Range(1, fewDistinctValues ? 5 : 60).Select(i => $"Skill {i}").ToArray();

    public CandidateProfile Candidate(Guid id, DateTimeOffset asOf) => new(
        id,
        Pick(TargetGroups),
        Enumerable.Range(0, _random.Next(0, 5)).Select(_ => Code()).ToList(),
        Enumerable.Range(0, _random.Next(0, 11)).Select(_ => Skill()).ToList(),
        "Vocational",
        Pick(_postcodes),
        fewDistinctValues ? Pools.Start : Pools.Start.AddDays(_random.Next(-120, 121)),
        asOf,
        BusyPeriods());

    /// <summary>Now and then a candidate held by a placement or two, ending around the vacancies' starts.</summary>
    private List<BusyPeriod>? BusyPeriods()
        => _busy.Next(6) == 0
            ? [.. Enumerable.Range(0, _busy.Next(1, 3)).Select(_ => Pools.Start.AddDays(_busy.Next(-40, 70))).Select(end => new BusyPeriod(end.AddDays(-_busy.Next(0, 200)), end))]
            : null;

    public VacancyProfile Vacancy() => new(
        Guid.NewGuid(),
        _random.Next(5) == 0 ? "FlexJob" : Pick(OfferKinds),
        Code(),
        Enumerable.Range(0, _random.Next(0, 7)).Select(_ => _random.Next(8) == 0 ? "never seen " + _random.Next(3) : Skill()).ToList(),
        Pick(_postcodes),
        Pools.Start.AddDays(_random.Next(-10, 60)));

    /// <summary>
    /// One to three events per candidate at random times (a withdrawal sometimes at the same time as an upsert),
    /// shuffled as a broker might redeliver them; and what the index must hold afterwards: the newest event per
    /// candidate wins, a withdrawal winning a tie.
    /// </summary>
    public (List<Action<CandidateIndex>> Events, List<CandidateProfile> Expected) Events(int candidates)
    {
        var events = new List<(Guid Id, DateTimeOffset At, CandidateProfile? Upsert, Action<CandidateIndex> Apply)>();
        for (var i = 0; i < candidates; i++)
        {
            var id = Guid.NewGuid();
            // Distinct times per candidate: two upserts at the same time would leave either one, by arrival order.
            var times = new HashSet<DateTimeOffset>();
            var count = _random.Next(1, 4);
            while (times.Count < count)
            {
                times.Add(Pools.Now.AddMinutes(_random.Next(0, 1000)));
            }

            foreach (var at in times)
            {
                if (_random.Next(6) == 0)
                {
                    events.Add((id, at, null, index => index.Withdraw(id, at)));
                    if (_random.Next(3) == 0)
                    {
                        var tied = Candidate(id, at);
                        events.Add((id, at, tied, index => index.Upsert(tied)));
                    }
                }
                else
                {
                    var profile = Candidate(id, at);
                    events.Add((id, at, profile, index => index.Upsert(profile)));
                }
            }
        }

        var expected = events
            .GroupBy(e => e.Id)
            .Select(g => g.OrderByDescending(e => e.At).ThenBy(e => e.Upsert is null ? 0 : 1).First().Upsert)
            .OfType<CandidateProfile>()
            .ToList();
        var shuffled = events.Select(e => e.Apply).ToArray();
        _random.Shuffle(shuffled);
        return ([.. shuffled], expected);
    }

    private string Code()
    {
        var unit = Pick(UnitGroups);
        return _random.Next(20) switch
        {
            0 => "",
            1 => "x" + unit[1..],
            2 => $" {unit} ",
            3 => unit[..3],
            < 8 => unit + _random.Next(1, 4),
            < 13 => unit + _random.Next(1, 4) + "0",
            _ => unit,
        };
    }

    private string Skill()
    {
        var skill = Pick(_skills);
        return _random.Next(4) switch
        {
            0 => skill.ToUpperInvariant(),
            1 => $"  {skill.ToLowerInvariant()} ",
            _ => skill,
        };
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
