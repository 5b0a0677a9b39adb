using System.Globalization;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>Options of the partner-yield benchmark (<c>--yield</c>); defaults are the sizes.</summary>
public sealed record YieldBenchmarkOptions(
    string Database,
    int Companies,
    int Placements,
    int Seed,
    string Until,
    int Year,
    int WarmUpSeconds,
    int Iterations,
    int ColdIterations,
    int RawIterations,
    bool Reseed,
    bool Rebuild,
    double EventsPerSecond,
    int StreamSeconds,
    int SqlIterations,
    int DuckDbIterations,
    string CsvFolder)
{
    public const string Switch = "--yield";

    public static YieldBenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new(
            Value("--db") ?? Path.Combine(Path.GetTempPath(), "crm-yield-bench.db"),
            Int("--companies", 5_000),
            Int("--placements", 1_000_000),
            Int("--seed", 42),
            Value("--until") ?? "2026-10-31",
            Int("--year", 2025),
            Int("--warm-up-seconds", 30),
            Int("--iterations", 300),
            Int("--cold-iterations", 100),

            // The EF ranking in process (RawTableRanking), ~10 s a run: off unless asked for; the SQL query replaces it.
            Int("--raw-iterations", 0),
            args.Contains("--reseed"),
            !args.Contains("--no-rebuild"),
            Value("--events-per-second") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : 50,
            Int("--stream-seconds", 60),
            Int("--sql-iterations", 3),
            Int("--duckdb-iterations", 10),
            Value("--csv") ?? Path.Combine(Path.GetTempPath(), "crm-yield-csv"));
    }
}
