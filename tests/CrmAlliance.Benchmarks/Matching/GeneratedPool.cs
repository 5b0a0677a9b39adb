using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.Matching.Engine;

namespace CrmAlliance.Benchmarks.Matching;

/// <summary>
/// A deterministic pool shaped like Jobcenter Aalborg's caseload, for benchmarks: occupations from the real ISCO-08
/// unit groups (a few dozen entry-level ones common, the rest rare; a third with a Danish 6-digit suffix; a
/// candidate's further sought occupations mostly in the same sub-major group), skills from a vocabulary of about
/// 400 (eight per occupation plus general ones such as a driving licence), postcodes mostly in Aalborg Kommune,
/// some elsewhere in Nordjylland, a few in the rest of Denmark and 1 % unknown, target groups skewed as the
/// caseload is (the demo data's proportions), and 80 % of candidates available now.
/// </summary>
public sealed class GeneratedPool
{
    public static readonly DateOnly Today = new(2026, 11, 20);

    /// <summary>Entry-level occupations the jobcenter sees most (shop, cleaning, care, warehouse, transport, kitchen, trades).</summary>
    private static readonly string[] CommonUnitGroups =
    [
        "5223", "9112", "5322", "4321", "9333", "8322", "5120", "9412", "5131", "7112", "7212", "8332", "9329", "4110",
        "5321", "9313", "7231", "7411", "7115", "9622", "2221", "3221", "4311", "4226", "5141", "7126", "8343", "9214",
        "5311", "2341", "5230", "9111",
    ];

    private static readonly string[] GeneralSkills =
    [
        "kørekort B", "kørekort C", "kørekort CE", "truckcertifikat", "engelsk", "tysk", "IT-brugerniveau", "førstehjælp",
        "hygiejnebevis", "kundeservice", "kasseekspedition", "lagerstyring", "rengøring", "teamsamarbejde", "fysisk arbejde",
        "skiftehold", "natarbejde", "dansk på modersmålsniveau", "dansk på samtaleniveau", "Excel",
    ];

    /// <summary>Aalborg Kommune's postcodes with rough weights by population.</summary>
    private static readonly (string Postcode, int Weight)[] AalborgPostcodes =
    [
        ("9000", 25), ("9200", 10), ("9210", 10), ("9220", 12), ("9400", 12), ("9230", 4), ("9240", 3), ("9260", 4),
        ("9270", 3), ("9280", 2), ("9293", 1), ("9310", 3), ("9362", 1), ("9370", 2), ("9380", 2), ("9430", 2),
    ];

    private static readonly (string Group, int Weight)[] TargetGroupWeights =
    [
        ("InsuredUnemployed", 40), ("JobReadySocialAssistance", 30), ("ActivityReadySocialAssistance", 30), ("EducationBenefit", 20),
        ("SicknessBenefit", 15), ("FlexJobSeeker", 20), ("ResourceProgramme", 15), ("Integration", 15), ("NewGraduate", 15),
    ];

    private static readonly (string Kind, int Weight)[] OfferKindWeights =
    [
        ("OrdinaryJob", 35), ("Internship", 25), ("WageSubsidy", 15), ("AdultApprenticeship", 10), ("FlexJob", 10), ("Mentor", 5),
    ];

    private readonly Random _random;
    private readonly string[] _unitGroups;
    private readonly double[] _unitGroupCumulative;
    private readonly Dictionary<string, string[]> _skillsByUnitGroup = [];
    private readonly Dictionary<string, string[]> _danishCodes = [];
    private readonly Dictionary<string, string[]> _unitGroupsBySubMajor;
    private readonly string[] _nordjyllandPostcodes;
    private readonly string[] _otherPostcodes;

    public GeneratedPool(int seed = 2026)
    {
        _random = new Random(seed);
        _unitGroups = ReadUnitGroups();
        var common = CommonUnitGroups.ToHashSet();
        _unitGroupCumulative = Cumulative(_unitGroups.Select(code => common.Contains(code) ? 40.0 : 1.0 + _random.Next(4)).ToArray());
        var specificSkills = Enumerable.Range(1, 380).Select(i => $"fagkompetence {i:D3}").ToArray();
        foreach (var code in _unitGroups)
        {
            _skillsByUnitGroup[code] = _random.GetItems(specificSkills, 8).Distinct().ToArray();
            _danishCodes[code] = _random.Next(3) == 0 ? [code + "10", code + "20", code + "30"] : [code];
        }

        _unitGroupsBySubMajor = _unitGroups.GroupBy(code => code[..2]).ToDictionary(g => g.Key, g => g.ToArray());
        var postcodes = PostcodeCentres.LoadEmbedded().Postcodes;
        _nordjyllandPostcodes = postcodes.Where(p => p[0] == '9' && AalborgPostcodes.All(a => a.Postcode != p)).ToArray();
        _otherPostcodes = postcodes.Where(p => p[0] != '9').ToArray();
    }

    public List<CandidateProfile> Candidates(int count)
        => Enumerable.Range(0, count).Select(_ => Candidate()).ToList();

    public List<VacancyProfile> Vacancies(int count)
        => Enumerable.Range(0, count).Select(_ => Vacancy()).ToList();

    private CandidateProfile Candidate()
    {
        var first = UnitGroup();
        var sought = new List<string> { Specific(first) };
        var further = Weighted([(0, 50), (1, 35), (2, 15)]);
        for (var i = 0; i < further; i++)
        {
            // Most people look for work near what they know: the same sub-major group when there is one.
            var related = _unitGroupsBySubMajor[first[..2]];
            sought.Add(Specific(_random.Next(10) < 6 ? related[_random.Next(related.Length)] : UnitGroup()));
        }

        var skills = sought
            .SelectMany(code => _skillsByUnitGroup[code[..4]].Where(_ => _random.Next(2) == 0))
            .Concat(_random.GetItems(GeneralSkills, _random.Next(0, 4)))
            .Distinct()
            .ToList();
        var availableFrom = _random.Next(10) < 8 ? Today.AddDays(-_random.Next(0, 365)) : Today.AddDays(_random.Next(1, 91));
        return new CandidateProfile(
            NewId(),
            Weighted(TargetGroupWeights),
            sought,
            skills,
            "Vocational",
            Postcode(aalborgShare: 75),
            availableFrom,
            new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    private VacancyProfile Vacancy()
    {
        // Demand mostly follows the common occupations; one vacancy in five is for any unit group, rare ones included.
        var unitGroup = _random.Next(5) == 0 ? _unitGroups[_random.Next(_unitGroups.Length)] : UnitGroup();
        var required = _random.GetItems(_skillsByUnitGroup[unitGroup], _random.Next(1, 5))
            .Concat(_random.GetItems(GeneralSkills, _random.Next(0, 3)))
            .Distinct()
            .ToList();
        return new VacancyProfile(NewId(), Weighted(OfferKindWeights), Specific(unitGroup), required, Postcode(aalborgShare: 80), Today.AddDays(_random.Next(7, 61)));
    }

    /// <summary>Ids from the seeded generator, so every run builds the same pool.</summary>
    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private string UnitGroup()
    {
        var at = Array.BinarySearch(_unitGroupCumulative, _random.NextDouble() * _unitGroupCumulative[^1]);
        return _unitGroups[Math.Min(at < 0 ? ~at : at, _unitGroups.Length - 1)];
    }

    private string Specific(string unitGroup)
    {
        var codes = _danishCodes[unitGroup];
        return codes[_random.Next(codes.Length)];
    }

    private string Postcode(int aalborgShare)
    {
        var roll = _random.Next(100);
        return roll < aalborgShare ? Weighted(AalborgPostcodes)
            : roll < 95 ? _nordjyllandPostcodes[_random.Next(_nordjyllandPostcodes.Length)]
            : roll < 99 ? _otherPostcodes[_random.Next(_otherPostcodes.Length)]
            : "9850"; // a real postcode without a usable centre: the neutral distance
    }

    private T Weighted<T>((T Value, int Weight)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("unreachable");
    }

    private static double[] Cumulative(double[] weights)
    {
        var sums = new double[weights.Length];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i];
            sums[i] = total;
        }

        return sums;
    }

    private static string[] ReadUnitGroups()
    {
        using var stream = typeof(GeneratedPool).Assembly.GetManifestResourceStream("Benchmarks.isco08.csv")!;
        using var reader = new StreamReader(stream);
        var codes = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',', 3);
            if (fields.Length == 3 && fields[1] == "unit")
            {
                codes.Add(fields[0]);
            }
        }

        return [.. codes];
    }
}
