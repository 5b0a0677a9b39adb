using System.Globalization;
using CrmAlliance.Contracts;

namespace CrmAlliance.Matching.Engine;

/// <summary>
/// The scoring formula of <see cref="MatchingOptions"/> and the explanation line; shared by
/// <see cref="MatchingEngine"/> and <see cref="BruteForceMatcher"/> so both rank with exactly the same numbers.
/// Every function is non-decreasing in each part, which is what lets the engine skip candidates by upper bounds.
/// </summary>
internal sealed class MatchScoring
{
    private readonly double[] _occupationByLevel;
    private readonly double _occupationWeight;
    private readonly double _skillsWeight;
    private readonly double _distanceWeight;
    private readonly double _availabilityWeight;
    private readonly double _weightSum;
    private readonly double _fullDistanceKm;
    private readonly double _zeroDistanceKm;
    private readonly double _unknownDistanceScore;
    private readonly int _zeroAvailabilityDays;

    /// <summary>
    /// Whether a placement holds the candidate within the vacancy's period. A vacancy has only a start, so its period runs
    /// from <paramref name="vacancyStartDay"/> on: a candidate held on any day from then is busy, as the core's overlap rule
    /// would refuse a placement from the vacancy's start that runs into their other placement.
    /// </summary>
    public static bool IsBusy(int busyUntilDay, int vacancyStartDay) => busyUntilDay >= vacancyStartDay;

    public MatchScoring(MatchingOptions options)
    {
        var errors = MatchingOptionsValidator.Errors(options).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid matching options: " + string.Join(" ", errors), nameof(options));
        }

        _occupationByLevel =
        [
            0, options.SameMajorGroupScore, options.SameSubMajorGroupScore, options.SameMinorGroupScore,
            options.SameUnitGroupScore, options.SameFiveDigitScore, options.SameSixDigitScore,
        ];
        _occupationWeight = options.OccupationWeight;
        _skillsWeight = options.SkillsWeight;
        _distanceWeight = options.DistanceWeight;
        _availabilityWeight = options.AvailabilityWeight;
        _weightSum = _occupationWeight + _skillsWeight + _distanceWeight + _availabilityWeight;
        _fullDistanceKm = options.FullDistanceScoreWithinKm;
        _zeroDistanceKm = options.ZeroDistanceScoreFromKm;
        _unknownDistanceScore = options.UnknownDistanceScore;
        _zeroAvailabilityDays = options.ZeroAvailabilityScoreAfterDays;
        TopN = options.TopN;
        MinimumScore = options.MinimumScore;
    }

    public int TopN { get; }

    public double MinimumScore { get; }

    /// <summary>The occupation part for a shared level 0..6.</summary>
    public double Occupation(int sharedLevel) => _occupationByLevel[sharedLevel];

    /// <summary>The highest occupation part at this level or any shallower one (levels need not be configured monotonic).</summary>
    public double OccupationAtMost(int sharedLevel)
    {
        var best = 0.0;
        for (var level = 0; level <= sharedLevel; level++)
        {
            best = Math.Max(best, _occupationByLevel[level]);
        }

        return best;
    }

    public static double Skills(int matched, int required) => required == 0 ? 1.0 : matched / (double)required;

    public double Distance(double? km) => km switch
    {
        null => _unknownDistanceScore,
        { } d when d <= _fullDistanceKm => 1.0,
        { } d when d >= _zeroDistanceKm => 0.0,
        { } d => 1.0 - ((d - _fullDistanceKm) / (_zeroDistanceKm - _fullDistanceKm)),
    };

    /// <summary><paramref name="daysLate"/>: days from the vacancy's start date to the candidate's first available day.</summary>
    public double Availability(int daysLate)
        => daysLate <= 0 ? 1.0 : daysLate >= _zeroAvailabilityDays ? 0.0 : 1.0 - (daysLate / (double)_zeroAvailabilityDays);

    /// <summary>The weighted mean of the parts, rounded to 4 decimals (so the score shown is the score ranked by).</summary>
    public double Total(double occupation, double skills, double distance, double availability)
        => Math.Round(
            ((_occupationWeight * occupation) + (_skillsWeight * skills) + (_distanceWeight * distance) + (_availabilityWeight * availability)) / _weightSum,
            4,
            MidpointRounding.AwayFromZero);

    /// <summary>"same occupation group 5223; 4 of 5 skills; 12 km; available".</summary>
    public static string Explain(in MatchFacts facts)
    {
        var occupation = DiscoCodes.DescribeSharedLevel(facts.VacancyOccupation, facts.SharedLevel);
        var skills = facts.RequiredSkills == 0 ? "no skills required" : $"{facts.MatchedSkills} of {facts.RequiredSkills} skills";
        var distance = facts switch
        {
            { WorkplaceHasCentre: false } => $"distance unknown (workplace postcode {facts.WorkplacePostcode})",
            { DistanceKm: null } => $"distance unknown (postcode {facts.CandidatePostcode})",
            _ when facts.CandidatePostcode == facts.WorkplacePostcode => "same postcode",
            { DistanceKm: var km } when Math.Round(km.Value, MidpointRounding.AwayFromZero) == 0 => "under 1 km",
            { DistanceKm: var km } => $"{Math.Round(km.Value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)} km",
        };
        var availability = facts.AvailableFrom <= facts.StartDate
            ? "available"
            : "available from " + facts.AvailableFrom.ToString(facts.AvailableFrom.Year == facts.StartDate.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture);
        return $"{occupation}; {skills}; {distance}; {availability}";
    }
}

/// <summary>The facts of <see cref="MatchScoring.Explain"/> for the message, so the Api can say them in its user's language.</summary>
internal static class MatchFactsExtensions
{
    public static MatchReasons ToReasons(this in MatchFacts facts) => new(
        facts.VacancyOccupation, facts.SharedLevel, facts.MatchedSkills, facts.RequiredSkills, facts.WorkplacePostcode,
        facts.WorkplaceHasCentre, facts.CandidatePostcode, facts.DistanceKm, facts.AvailableFrom, facts.StartDate);
}

/// <summary>What an explanation says about one candidate for one vacancy (postcodes trimmed).</summary>
internal readonly record struct MatchFacts(
    string VacancyOccupation,
    int SharedLevel,
    int MatchedSkills,
    int RequiredSkills,
    string WorkplacePostcode,
    bool WorkplaceHasCentre,
    string CandidatePostcode,
    double? DistanceKm,
    DateOnly AvailableFrom,
    DateOnly StartDate);
