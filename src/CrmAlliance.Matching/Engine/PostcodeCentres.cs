using System.Globalization;

namespace CrmAlliance.Matching.Engine;

/// <summary>
/// Approximate centres of the Danish postcodes (the reference file <c>dk-postcodes.csv</c>: postcode, name, lat, lon)
/// and great-circle distances between them. Thread-safe. Distances from one postcode to all others are computed
/// once and kept (at most postcodes² doubles, about 9.5 MB for the whole country), so matching pays one array read
/// per candidate.
/// </summary>
public sealed class PostcodeCentres
{
    private const string EmbeddedResourceName = "Matching.dk-postcodes.csv";

    /// <summary>The mean Earth radius (IUGG), in kilometres.</summary>
    private const double EarthRadiusKm = 6371.0088;

    private readonly Dictionary<string, int> _ids;
    private readonly string[] _postcodes;
    private readonly double[] _latitudeRadians;
    private readonly double[] _longitudeRadians;
    private readonly double[] _cosLatitude;
    private readonly double[]?[] _distanceRows;

    private PostcodeCentres(List<(string Postcode, double Lat, double Lon)> centres)
    {
        _ids = new Dictionary<string, int>(centres.Count, StringComparer.Ordinal);
        _postcodes = new string[centres.Count];
        _latitudeRadians = new double[centres.Count];
        _longitudeRadians = new double[centres.Count];
        _cosLatitude = new double[centres.Count];
        _distanceRows = new double[]?[centres.Count];
        for (var i = 0; i < centres.Count; i++)
        {
            var (postcode, lat, lon) = centres[i];
            _ids.Add(postcode, i);
            _postcodes[i] = postcode;
            _latitudeRadians[i] = double.DegreesToRadians(lat);
            _longitudeRadians[i] = double.DegreesToRadians(lon);
            _cosLatitude[i] = Math.Cos(_latitudeRadians[i]);
        }
    }

    /// <summary>How many postcodes have a centre.</summary>
    public int Count => _postcodes.Length;

    /// <summary>The postcodes with a centre, in file order.</summary>
    public IReadOnlyList<string> Postcodes => _postcodes;

    /// <summary>The centres embedded in the Matching assembly (resource <c>Matching.dk-postcodes.csv</c>).</summary>
    public static PostcodeCentres LoadEmbedded()
    {
        using var stream = typeof(PostcodeCentres).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The resource {EmbeddedResourceName} is missing from {typeof(PostcodeCentres).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>
    /// Reads a CSV with the header <c>postcode,name,lat,lon</c> (decimal degrees, '.' as decimal point). Rows with
    /// empty coordinates are skipped: those postcodes have no centre, and distances to them are unknown.
    /// </summary>
    public static PostcodeCentres Parse(TextReader csv)
    {
        var header = csv.ReadLine();
        if (header?.Trim() != "postcode,name,lat,lon")
        {
            throw new FormatException($"Postcode centres need the header 'postcode,name,lat,lon', not '{header}'.");
        }

        var centres = new List<(string, double, double)>();
        var lineNumber = 1;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (csv.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length == 4 && fields[2].Length == 0 && fields[3].Length == 0)
            {
                // A few postcodes have no usable centre (DAWA's lies in the sea); they count as unknown.
                continue;
            }

            if (fields.Length != 4
                || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || !seen.Add(fields[0].Trim()))
            {
                throw new FormatException($"Postcode centres line {lineNumber} is not 'postcode,name,lat,lon' with a new postcode: '{line}'.");
            }

            centres.Add((fields[0].Trim(), lat, lon));
        }

        return new PostcodeCentres(centres);
    }

    /// <summary>Whether the postcode (trimmed) has a centre.</summary>
    public bool Contains(string? postcode) => IdOf(postcode) >= 0;

    /// <summary>
    /// The great-circle (haversine) distance between the centres of two postcodes in km, or null when either
    /// has no known centre.
    /// </summary>
    public double? DistanceKm(string? a, string? b)
    {
        var from = IdOf(a);
        var to = IdOf(b);
        return from < 0 || to < 0 ? null : DistancesFrom(from)[to];
    }

    /// <summary>The postcode's position in <see cref="Postcodes"/>, or -1 when it has no centre.</summary>
    internal int IdOf(string? postcode)
        => postcode is not null && _ids.TryGetValue(postcode.Trim(), out var id) ? id : -1;

    /// <summary>Distances in km from one centre to every centre, indexed like <see cref="Postcodes"/>; computed once.</summary>
    internal double[] DistancesFrom(int from)
    {
        var row = Volatile.Read(ref _distanceRows[from]);
        if (row is not null)
        {
            return row;
        }

        // Two threads may compute the same row at the same time; both get identical values, so no lock is needed.
        row = new double[_postcodes.Length];
        for (var to = 0; to < row.Length; to++)
        {
            row[to] = Haversine(from, to);
        }

        Volatile.Write(ref _distanceRows[from], row);
        return row;
    }

    private double Haversine(int a, int b)
    {
        var sinHalfLat = Math.Sin((_latitudeRadians[b] - _latitudeRadians[a]) / 2);
        var sinHalfLon = Math.Sin((_longitudeRadians[b] - _longitudeRadians[a]) / 2);
        var h = (sinHalfLat * sinHalfLat) + (_cosLatitude[a] * _cosLatitude[b] * sinHalfLon * sinHalfLon);
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }
}
