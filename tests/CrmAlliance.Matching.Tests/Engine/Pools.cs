using CrmAlliance.Contracts;
using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.Matching.Engine;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Matching.Tests.Engine;

/// <summary>Builders for candidates and vacancies, and a way to match a small pool with both matchers.</summary>
internal static class Pools
{
    public static readonly DateOnly Start = new(2026, 12, 1);
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public static PostcodeCentres Centres { get; } = PostcodeCentres.LoadEmbedded();

    /// <summary>An id whose order among others is its number: ties are broken by id, so tests can say who wins.</summary>
    public static Guid Id(int number) => new($"00000000-0000-0000-0000-{number:D12}");

    public static CandidateProfile Candidate(
        int number,
        string[]? occupations = null,
        string[]? skills = null,
        string postcode = "9000",
        DateOnly? availableFrom = null,
        string targetGroup = "InsuredUnemployed",
        DateTimeOffset? asOf = null)
        => new(Id(number), targetGroup, occupations ?? ["5223"], skills ?? [], "Vocational", postcode, availableFrom ?? Start.AddDays(-30), asOf ?? Now);

    public static VacancyProfile Vacancy(
        string occupation = "5223",
        string[]? skills = null,
        string postcode = "9000",
        DateOnly? start = null,
        string offerKind = "OrdinaryJob")
        => new(Guid.NewGuid(), offerKind, occupation, skills ?? [], postcode, start ?? Start);

    public static MatchingEngine Matcher(CandidateIndex index, MatchingOptions? options = null)
        => new(index, Options.Create(options ?? new MatchingOptions()), Centres);

    public static CandidateIndex Index(IEnumerable<CandidateProfile> candidates)
    {
        var index = new CandidateIndex();
        foreach (var candidate in candidates)
        {
            Assert.True(index.Upsert(candidate));
        }

        return index;
    }

    /// <summary>
    /// Matches with the engine (pruned and exhaustive) and the brute force; asserts all three agree and returns the result.
    /// </summary>
    public static IReadOnlyList<CandidateMatch> Match(IReadOnlyCollection<CandidateProfile> pool, VacancyProfile vacancy, MatchingOptions? options = null)
    {
        options ??= new MatchingOptions();
        using var index = Index(pool);
        var engine = Matcher(index, options);
        var matches = engine.Match(vacancy);
        Assert.Equal(Show(new BruteForceMatcher(pool, Options.Create(options), Centres).Match(vacancy)), Show(matches));
        Assert.Equal(Show(engine.MatchExhaustively(vacancy)), Show(matches));
        return matches;
    }

    /// <summary>One line per match, so a failed comparison shows everything that differs.</summary>
    public static List<string> Show(IEnumerable<CandidateMatch> matches)
        => matches.Select(m => $"{m.CandidateId} {m.Score:R} {m.Explanation}").ToList();
}
