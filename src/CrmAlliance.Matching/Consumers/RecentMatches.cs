using CrmAlliance.Contracts;
using CrmAlliance.Matching.Engine;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Matching.Consumers;

/// <summary>
/// The vacancies this instance matched in the last <see cref="MatchingServiceOptions.LateCandidateWindow"/>, with the
/// answer it last published for each. Candidate and vacancy events travel on different queues, so a candidate
/// registered just before a vacancy was posted can reach the index after the vacancy was matched; the candidate
/// consumer asks this memory which vacancies should have seen the candidate and matches them again.
/// </summary>
public sealed class RecentMatches(TimeProvider clock, IOptions<MatchingServiceOptions> options)
{
    /// <summary>Bounds the memory however many vacancies arrive within the window; the oldest go first.</summary>
    public const int Capacity = 10_000;

    private readonly Lock gate = new();
    private readonly LinkedList<Entry> byAge = [];
    private readonly Dictionary<Guid, LinkedListNode<Entry>> byVacancy = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byVacancy.Count;
            }
        }
    }

    /// <summary>Called before a vacancy is matched, so that a candidate arriving during the match already finds it.</summary>
    public void Expect(VacancyProfile vacancy, DateTimeOffset vacancyAsOf)
    {
        lock (gate)
        {
            Prune();
            if (byVacancy.TryGetValue(vacancy.VacancyId, out var known))
            {
                if (known.Value.VacancyAsOf > vacancyAsOf)
                {
                    return;
                }

                byAge.Remove(known);
            }

            byVacancy[vacancy.VacancyId] = byAge.AddLast(new Entry(vacancy, vacancyAsOf, clock.GetUtcNow()));
            if (byVacancy.Count > Capacity)
            {
                byVacancy.Remove(byAge.First!.Value.Vacancy.VacancyId);
                byAge.RemoveFirst();
            }
        }
    }

    /// <summary>
    /// Records an answer about to be published. False, recording nothing, when it says nothing new: the same vacancy
    /// version was last answered with the same candidates and scores, or by a later match. Recorded before publishing,
    /// so that a match running at the same time compares with it; <see cref="PublishFailed"/> takes it back.
    /// </summary>
    public bool TryRecord(Guid vacancyId, DateTimeOffset vacancyAsOf, IReadOnlyList<CandidateMatch> matches, DateTimeOffset matchedAt)
    {
        lock (gate)
        {
            if (!byVacancy.TryGetValue(vacancyId, out var node) || node.Value.VacancyAsOf != vacancyAsOf)
            {
                return true;
            }

            if (node.Value.Answer is { } last && (last.MatchedAt > matchedAt || last.Matches.SequenceEqual(matches)))
            {
                return false;
            }

            node.Value.Answer = new Answer(matches, matchedAt);
            return true;
        }
    }

    /// <summary>Forgets the recorded answer when its publish failed: the next match for the vacancy is news again.</summary>
    public void PublishFailed(Guid vacancyId, DateTimeOffset matchedAt)
    {
        lock (gate)
        {
            if (byVacancy.TryGetValue(vacancyId, out var node) && node.Value.Answer?.MatchedAt == matchedAt)
            {
                node.Value.Answer = null;
            }
        }
    }

    /// <summary>The vacancies whose version is not older than the candidate's state: the candidate belonged in their pool.</summary>
    public List<(VacancyProfile Vacancy, DateTimeOffset VacancyAsOf)> ThatShouldHaveSeen(DateTimeOffset candidateAsOf)
    {
        lock (gate)
        {
            Prune();
            return [.. byAge.Where(e => e.VacancyAsOf >= candidateAsOf).Select(e => (e.Vacancy, e.VacancyAsOf))];
        }
    }

    private void Prune()
    {
        var horizon = clock.GetUtcNow() - options.Value.LateCandidateWindow;
        while (byAge.First is { } oldest && oldest.Value.ExpectedAt < horizon)
        {
            byVacancy.Remove(oldest.Value.Vacancy.VacancyId);
            byAge.RemoveFirst();
        }
    }

    private sealed class Entry(VacancyProfile vacancy, DateTimeOffset vacancyAsOf, DateTimeOffset expectedAt)
    {
        public VacancyProfile Vacancy { get; } = vacancy;

        public DateTimeOffset VacancyAsOf { get; } = vacancyAsOf;

        public DateTimeOffset ExpectedAt { get; } = expectedAt;

        public Answer? Answer { get; set; }
    }

    private sealed record Answer(IReadOnlyList<CandidateMatch> Matches, DateTimeOffset MatchedAt);
}
