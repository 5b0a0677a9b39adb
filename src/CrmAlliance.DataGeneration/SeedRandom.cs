namespace CrmAlliance.DataGeneration;

/// <summary>
/// The only source of chance in the generator: a seeded <see cref="Random"/> per stream (companies, activity,
/// contacts …), so that the same seed gives the same rows and a change to one stream's model leaves the others
/// alone. Ids are drawn from it too, never from <see cref="Guid.NewGuid"/> or the clock.
/// </summary>
public sealed class SeedRandom(int seed, int stream)
{
    // Seeded System.Random is repeatable within a .NET version; its algorithm may change between major versions.
    private readonly Random random = new(unchecked((seed * 1_000_003) + (stream * 7_919)));
    private double? spareNormal;

    /// <summary>The stream itself, for code shared with the demo data (<c>SampleCompanyBuilder</c>): its draws advance this stream.</summary>
    public Random Stream => random;

    public double NextDouble() => random.NextDouble();

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public int Between(int min, int maxInclusive) => maxInclusive <= min ? min : random.Next(min, maxInclusive + 1);

    public bool Chance(double probability) => random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public DateOnly DayBetween(DateOnly first, DateOnly last)
        => last <= first ? first : first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    /// <summary>An index drawn with the given weights (need not sum to 1).</summary>
    public int Weighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var roll = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>An index drawn from running totals (<paramref name="cumulative"/>[i] = sum of weights 0..i); never one of weight 0 unless all are.</summary>
    public int FromCumulative(double[] cumulative)
    {
        var roll = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, roll);
        index = Math.Min(index < 0 ? ~index : index + 1, cumulative.Length - 1);
        while (index < cumulative.Length - 1 && cumulative[index] == (index == 0 ? 0 : cumulative[index - 1]))
        {
            index++;
        }

        return index;
    }

    public double Normal()
    {
        if (spareNormal is { } spare)
        {
            spareNormal = null;
            return spare;
        }

        // Box–Muller: two independent standard normals from two uniforms.
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u));
        spareNormal = radius * Math.Sin(2 * Math.PI * v);
        return radius * Math.Cos(2 * Math.PI * v);
    }

    public double LogNormal(double mu, double sigma) => Math.Exp(mu + (sigma * Normal()));

    public double Exponential(double mean) => -mean * Math.Log(1.0 - random.NextDouble());

    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal())));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble())
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// An id shaped like <see cref="Guid.CreateVersion7()"/>: the row's own timestamp in the first 48 bits (so ids
    /// sort by creation time, like the Api's) and 74 bits from the seeded stream instead of a random source.
    /// </summary>
    public Guid NewId(DateTimeOffset createdAt)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var milliseconds = createdAt.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(milliseconds & 0xFF);
            milliseconds >>= 8;
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
