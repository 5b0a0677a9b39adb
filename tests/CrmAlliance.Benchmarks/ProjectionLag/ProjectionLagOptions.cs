using System.Globalization;

namespace CrmAlliance.Benchmarks.ProjectionLag;

/// <summary>
/// <c>--projection-lag [--rate 100] [--seconds 60] [--warm-up 10] [--companies 300] [--placements 20000] [--seed 42]</c>:
/// source changes per second, measured seconds (after the warm-up, whose changes are not counted), and the size of
/// the generated alliance the Api starts on.
/// </summary>
public sealed record ProjectionLagOptions(double Rate, int Seconds, int WarmUpSeconds, int Companies, int Placements, int Seed)
{
    public const string Switch = "--projection-lag";

    public int WarmUpChanges => (int)Math.Round(Rate * WarmUpSeconds);

    public int MeasuredChanges => (int)Math.Round(Rate * Seconds);

    /// <summary>Fresh candidates for the proposals, with room for the early run when later steps have nothing to move yet.</summary>
    public int Candidates => (int)Math.Ceiling((WarmUpChanges + MeasuredChanges) * 0.12) + 20;

    public static ProjectionLagOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        double Number(string name, double fallback) => Value(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var known = new[] { Switch, "--rate", "--seconds", "--warm-up", "--companies", "--placements", "--seed" };
        if (args.Where((a, i) => a.StartsWith("--", StringComparison.Ordinal) && !known.Contains(a)).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"Unknown option {unknown}; use {string.Join(", ", known.Skip(1))}.");
        }

        var options = new ProjectionLagOptions(Number("--rate", 100), (int)Number("--seconds", 60), (int)Number("--warm-up", 10), (int)Number("--companies", 300), (int)Number("--placements", 20_000), (int)Number("--seed", 42));
        return options.Rate > 0 && options.Seconds > 0 && options.Companies > 0
            ? options
            : throw new ArgumentException("--rate, --seconds and --companies must be above 0.");
    }
}
