using System.Collections.Frozen;
using System.Globalization;
using CrmAlliance.Api.Infrastructure.Csv;

namespace CrmAlliance.Api.Features.ReferenceData;

public sealed record Occupation(string Code, string Level, string Title);

public sealed record Industry(string Code, string Level, string? Parent, string Title);

public sealed record Postcode(string Code, string Name, double? Latitude, double? Longitude);

/// <summary>
/// ISCO-08 (basis of DISCO-08), NACE Rev. 2 (basis of DB07) and Danish postcodes, loaded once from the
/// embedded CSV files copied from shared/data (sources and licences: ReferenceData/SOURCES.md).
/// </summary>
public sealed class ReferenceCatalog
{
    private readonly FrozenDictionary<string, Occupation> _occupations;
    private readonly FrozenDictionary<string, Industry> _industries;
    private readonly FrozenDictionary<string, Industry> _industryClassesByDigits;
    private readonly FrozenDictionary<string, Postcode> _postcodes;

    public ReferenceCatalog()
    {
        Occupations = Read("isco08.csv").Select(r => new Occupation(r[0], r[1], r[2])).ToList();
        Industries = Read("nace-rev2.csv").Select(r => new Industry(r[0], r[1], r[2].Length == 0 ? null : r[2], r[3])).ToList();
        Postcodes = Read("dk-postcodes.csv").Select(r => new Postcode(r[0], r[1], ParseCoordinate(r[2]), ParseCoordinate(r[3]))).ToList();
        _occupations = Occupations.ToFrozenDictionary(o => o.Code);
        _industries = Industries.ToFrozenDictionary(i => i.Code);
        _industryClassesByDigits = Industries.Where(i => i.Level == "class").ToFrozenDictionary(i => i.Code.Replace(".", "", StringComparison.Ordinal));
        _postcodes = Postcodes.ToFrozenDictionary(p => p.Code);
    }

    public IReadOnlyList<Occupation> Occupations { get; }

    public IReadOnlyList<Industry> Industries { get; }

    public IReadOnlyList<Postcode> Postcodes { get; }

    public Postcode? FindPostcode(string? code) => code is not null && _postcodes.TryGetValue(code, out var p) ? p : null;

    /// <summary>
    /// A DISCO-08 code has 4 to 6 digits; its first four are an ISCO-08 unit group. Returns that unit group.
    /// </summary>
    public Occupation? FindOccupation(string? discoCode)
    {
        if (discoCode is null || discoCode.Length is < 4 or > 6 || !discoCode.All(char.IsAsciiDigit))
        {
            return null;
        }

        return _occupations.TryGetValue(discoCode[..4], out var unit) ? unit : null;
    }

    /// <summary>A DB07 code has 6 digits; its first four are a NACE Rev. 2 class. Returns that class.</summary>
    public Industry? FindIndustry(string? db07Code)
    {
        if (db07Code is null || db07Code.Length != 6 || !db07Code.All(char.IsAsciiDigit))
        {
            return null;
        }

        return _industryClassesByDigits.TryGetValue(db07Code[..4], out var industryClass) ? industryClass : null;
    }

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
    private static List<string[]> Read(string embeddedName)
    {
        using var stream = typeof(ReferenceCatalog).Assembly.GetManifestResourceStream("ReferenceData." + embeddedName)
            ?? throw new InvalidOperationException($"Reference data {embeddedName} is not embedded.");
        return CsvRecords.Read(stream, ',').Skip(1).Select(r => r.Fields).ToList();
    }

    private static double? ParseCoordinate(string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
