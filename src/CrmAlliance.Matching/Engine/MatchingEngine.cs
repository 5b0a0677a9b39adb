using System.Buffers;
using CrmAlliance.Contracts;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Matching.Engine;

/// <summary>
/// Finds the best candidates in a <see cref="CandidateIndex"/> for a vacancy, scored as <see cref="MatchingOptions"/>
/// describes. Thread-safe; many matches may run at once.
/// <para>
/// It returns exactly what scoring every candidate would (<see cref="BruteForceMatcher"/>, checked by tests on
/// random pools) but scores few of them. Candidates are visited by occupation tier, closest first: those sharing 6
/// digits with the vacancy's code, then 5, 4 … 1, and last everyone else. Before each tier the search stops if the
/// tier's best possible score (its occupation part with full skills, distance and availability) is below the N-th
/// best found. Within a tier a candidate is fully scored only when its bound — its tier, distance, availability, and
/// the required skills its 64-bit skill signature does not rule out — reaches the N-th best (a tie may still win on
/// id). In the last tier, when a candidate without any required skill could not get in, only the candidates having
/// one are visited. Every bound is computed with the same rounded formula as the score, so skipping is exact.
/// </para>
/// </summary>
public sealed class MatchingEngine
{
    private readonly CandidateIndex _index;
    private readonly PostcodeCentres _centres;
    private readonly MatchScoring _scoring;
    private readonly TargetGroupEligibility _eligibility;
    private readonly Lock _centreIdsGate = new();
    private int[] _centreIdsByPostcode = [];

    public MatchingEngine(CandidateIndex index, IOptions<MatchingOptions> options, PostcodeCentres centres)
    {
        _index = index;
        _centres = centres;
        _scoring = new MatchScoring(options.Value);
        _eligibility = new TargetGroupEligibility(options.Value);
    }

    /// <summary>The top N candidates for the vacancy, best first; ties broken by candidate id.</summary>
    public IReadOnlyList<CandidateMatch> Match(VacancyProfile vacancy) => Search(vacancy, prune: true, out _);

    /// <summary>The same result as <see cref="Match"/>, scoring every candidate in the index: for tests and benchmarks.</summary>
    internal IReadOnlyList<CandidateMatch> MatchExhaustively(VacancyProfile vacancy) => Search(vacancy, prune: false, out _);

    /// <summary><see cref="Match"/>, also telling how many candidates it looked at and scored.</summary>
    internal IReadOnlyList<CandidateMatch> MatchCounting(VacancyProfile vacancy, out SearchCounts counts) => Search(vacancy, prune: true, out counts);

    private CandidateMatch[] Search(VacancyProfile vacancy, bool prune, out SearchCounts counts)
    {
        var search = new VacancySearch(vacancy, _scoring, _centres);
        using var read = _index.Read();
        var occupationCount = _index.OccupationCodes.Count;
        var levels = ArrayPool<byte>.Shared.Rent(Math.Max(1, occupationCount));
        var skillBits = ArrayPool<ulong>.Shared.Rent(Math.Max(1, (_index.SkillNames.Count + 63) / 64));
        var distanceScores = ArrayPool<double>.Shared.Rent(Math.Max(1, _index.PostcodeNames.Count));
        try
        {
            var state = new SearchState(_index, search, _scoring, Eligible(vacancy.OfferKind), levels, skillBits, distanceScores);
            FillDistanceScores(search, distanceScores);
            if (prune)
            {
                state.ByTiers();
            }
            else
            {
                state.Everyone();
            }

            counts = state.Counts;
            return state.Results();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(levels);
            ArrayPool<ulong>.Shared.Return(skillBits);
            ArrayPool<double>.Shared.Return(distanceScores);
        }
    }

    /// <summary>Per target-group id in the index: may the group take this offer kind.</summary>
    private bool[] Eligible(string offerKind)
    {
        var groups = _index.TargetGroupNames;
        var eligible = new bool[groups.Count];
        for (var g = 0; g < eligible.Length; g++)
        {
            eligible[g] = _eligibility.IsEligible(offerKind, groups[g]);
        }

        return eligible;
    }

    /// <summary>Per postcode id in the index: the distance part, from the cached distances of the workplace's centre.</summary>
    private void FillDistanceScores(VacancySearch search, double[] distanceScores)
    {
        var postcodeCount = _index.PostcodeNames.Count;
        if (search.WorkplaceCentre < 0)
        {
            Array.Fill(distanceScores, _scoring.Distance(null), 0, postcodeCount);
            return;
        }

        var centreIds = CentreIdsByPostcode(postcodeCount);
        var distances = _centres.DistancesFrom(search.WorkplaceCentre);
        for (var p = 0; p < postcodeCount; p++)
        {
            var centre = centreIds[p];
            distanceScores[p] = _scoring.Distance(centre < 0 ? null : distances[centre]);
        }
    }

    /// <summary>
    /// The centre id of each postcode the index has seen, resolved once per postcode. The index's postcode
    /// vocabulary only grows, so a longer array replaces a shorter one (callers hold the index's read lock).
    /// </summary>
    private int[] CentreIdsByPostcode(int postcodeCount)
    {
        var known = Volatile.Read(ref _centreIdsByPostcode);
        if (known.Length >= postcodeCount)
        {
            return known;
        }

        lock (_centreIdsGate)
        {
            known = _centreIdsByPostcode;
            if (known.Length < postcodeCount)
            {
                var grown = new int[postcodeCount];
                known.CopyTo(grown, 0);
                for (var p = known.Length; p < postcodeCount; p++)
                {
                    grown[p] = _centres.IdOf(_index.PostcodeNames[p]);
                }

                Volatile.Write(ref _centreIdsByPostcode, grown);
                known = grown;
            }

            return known;
        }
    }
}

/// <summary>The vacancy as the search needs it: trimmed code, distinct skills, workplace centre, start day.</summary>
internal sealed class VacancySearch
{
    public VacancySearch(VacancyProfile vacancy, MatchScoring scoring, PostcodeCentres centres)
    {
        Vacancy = vacancy;
        Centres = centres;
        OccupationCode = ProfileText.Trimmed(vacancy.OccupationCode);
        Depth = DiscoCodes.Depth(OccupationCode);
        RequiredSkills = ProfileText.Skills(vacancy.RequiredSkills);
        WorkplacePostcode = ProfileText.Trimmed(vacancy.WorkplacePostcode);
        WorkplaceCentre = centres.IdOf(WorkplacePostcode);
        StartDay = vacancy.StartDate.DayNumber;
        TopN = scoring.TopN;
    }

    public VacancyProfile Vacancy { get; }

    public PostcodeCentres Centres { get; }

    public string OccupationCode { get; }

    public int Depth { get; }

    public List<string> RequiredSkills { get; }

    public string WorkplacePostcode { get; }

    public int WorkplaceCentre { get; }

    public int StartDay { get; }

    public int TopN { get; }
}
