using System.Diagnostics;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>Percentiles (nearest rank) of durations in milliseconds.</summary>
public sealed class LatencyStats
{
    private readonly double[] _sorted;

    private LatencyStats(double[] sorted) => _sorted = sorted;

    public int Count => _sorted.Length;

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public static double Milliseconds(long fromTicks, long toTicks) => (toTicks - fromTicks) * 1000.0 / Stopwatch.Frequency;

    public static LatencyStats Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.ToArray();
        Array.Sort(sorted);
        return new LatencyStats(sorted);
    }

    public double Percentile(double p)
        => _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public static string Format(double milliseconds) => double.IsNaN(milliseconds) ? "–" : milliseconds < 10 ? $"{milliseconds:0.0} ms" : $"{milliseconds:0} ms";
}
