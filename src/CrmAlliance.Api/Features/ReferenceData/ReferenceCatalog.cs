using System.Collections.Frozen;
using System.Globalization;
using CrmAlliance.Api.Infrastructure.Csv;

namespace CrmAlliance.Api.Features.ReferenceData;

public sealed record Postcode(string Code, string Name, double? Latitude, double? Longitude);

/// <summary>
/// DISCO-08 merged with ISCO-08, DB07 merged with NACE Rev. 2, and Danish postcodes, loaded once from the
/// embedded files copied from shared/data (sources and licences: ReferenceData/SOURCES.md).
/// </summary>
public sealed class ReferenceCatalog
{
    private readonly FrozenDictionary<string, Occupation> _occupations;
    private readonly FrozenDictionary<string, Industry> _industries;
    private readonly FrozenDictionary<string, Industry> _industryClassesByDigits;
    private readonly FrozenDictionary<string, Postcode> _postcodes;
    private readonly FrozenDictionary<string, string> _onlyJobCategoryUnits;
    private readonly FrozenSet<string> _onlySubclasses;

    public ReferenceCatalog()
    {
        Occupations = OccupationList.Merge(Read("isco08.csv", ','), Read("disco08-da.csv", ';'));
        Industries = IndustryList.Merge(Read("nace-rev2.csv", ','), Read("db07-da.tsv", '\t'));
        Postcodes = Read("dk-postcodes.csv", ',').Select(r => new Postcode(r[0], r[1], ParseCoordinate(r[2]), ParseCoordinate(r[3]))).ToList();
        _occupations = Occupations.ToFrozenDictionary(o => o.Code);
        _industries = Industries.ToFrozenDictionary(i => i.Code);
        _industryClassesByDigits = Industries.Where(i => i.Level == "class").ToFrozenDictionary(i => i.Code.Replace(".", "", StringComparison.Ordinal));
        _postcodes = Postcodes.ToFrozenDictionary(p => p.Code);
        _onlyJobCategoryUnits = Occupations.Where(o => o.Level == "job").GroupBy(o => o.Code[..4]).Where(g => g.Count() == 1)
            .Select(g => g.Single()).Where(job => _occupations.GetValueOrDefault(job.Code[..4])?.TitleDa == job.TitleDa)
            .ToFrozenDictionary(job => job.Code, job => job.Code[..4]);
        _onlySubclasses = Industries.Where(i => i.Level == "subclass").GroupBy(i => i.Parent).Where(g => g.Count() == 1).Select(g => g.Single().Code).ToFrozenSet();
    }

    public IReadOnlyList<Occupation> Occupations { get; }

    public IReadOnlyList<Industry> Industries { get; }

    public IReadOnlyList<Postcode> Postcodes { get; }

    public Postcode? FindPostcode(string? code) => code is not null && _postcodes.TryGetValue(code, out var p) ? p : null;

    /// <summary>
    /// A DISCO-08 code has 4 to 6 digits; its first four are a unit group of DISCO-08 or ISCO-08. Returns that unit group.
    /// </summary>
    public Occupation? FindOccupation(string? discoCode)
    {
        if (discoCode is null || discoCode.Length is < 4 or > 6 || !discoCode.All(char.IsAsciiDigit))
        {
            return null;
        }

        return _occupations.TryGetValue(discoCode[..4], out var unit) ? unit : null;
    }

    /// <summary>The DISCO-08 job category a valid code names (e.g. 532120), else its unit group; null for an invalid code.</summary>
    public Occupation? FindMostSpecificOccupation(string? discoCode)
        => FindOccupation(discoCode) is { } unit ? _occupations.GetValueOrDefault(discoCode!) ?? unit : null;

    /// <summary>The occupation or group with exactly this code, at any level (4 = a major group, 721200 = a job category); null when none.</summary>
    public Occupation? FindOccupationGroup(string? code) => code is null ? null : _occupations.GetValueOrDefault(code);

    /// <summary>
    /// The shortest code for the same occupation: a job category that is its unit group's only one, under the same title, is
    /// that unit group (721200 → 7212); any other code is itself. A list filtered by a code prefix uses it to find both.
    /// </summary>
    public string BroadestCodeOf(string discoCode) => _onlyJobCategoryUnits.GetValueOrDefault(discoCode, discoCode);

    /// <summary>A DB07 code has 6 digits; its first four are a NACE Rev. 2 class. Returns that class.</summary>
    public Industry? FindIndustry(string? db07Code)
    {
        if (db07Code is null || db07Code.Length != 6 || !db07Code.All(char.IsAsciiDigit))
        {
            return null;
        }

        return _industryClassesByDigits.TryGetValue(db07Code[..4], out var industryClass) ? industryClass : null;
    }

    /// <summary>The DB07 subclass a valid code names (e.g. 620100), else its NACE class; null for an invalid code.</summary>
    public Industry? FindMostSpecificIndustry(string? db07Code)
        => FindIndustry(db07Code) is { } industryClass ? _industries.GetValueOrDefault(db07Code!) ?? industryClass : null;

    /// <summary>
    /// The title a page shows for a company's DB07 code: the Danish one; in English NACE Rev. 2's English title where it is
    /// the industry's own, also for a subclass that is its class's only one (620100 is 62.01, as 543 of the 616 classes), and
    /// the Danish title where DB07 splits a class (471110 is one of 47.11's). Null for a code that is not DB07's.
    /// </summary>
    public string? IndustryTitle(string? db07Code, bool english)
        => FindMostSpecificIndustry(db07Code) is not { } industry ? null
            : english && (!industry.TitleFromParent || _onlySubclasses.Contains(industry.Code)) ? industry.Title
            : industry.TitleDa ?? industry.Title;

    /// <summary>The NACE/DB07 section letter (A–U) a DB07 code belongs to.</summary>
    public Industry? FindSection(string? db07Code)
    {
        var current = FindIndustry(db07Code);
        while (current?.Parent is not null)
        {
            current = _industries.GetValueOrDefault(current.Parent);
        }

        return current;
    }

    /// <summary>An embedded reference file's records, its header row skipped.</summary>
    private static List<string[]> Read(string embeddedName, char separator)
    {
        using var stream = typeof(ReferenceCatalog).Assembly.GetManifestResourceStream("ReferenceData." + embeddedName)
            ?? throw new InvalidOperationException($"Reference data {embeddedName} is not embedded.");
        return CsvRecords.Read(stream, separator).Skip(1).Select(r => r.Fields).ToList();
    }

    private static double? ParseCoordinate(string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
