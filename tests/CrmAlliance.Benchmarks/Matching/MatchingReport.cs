using System.Diagnostics;
using CrmAlliance.Matching.Engine;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Benchmarks.Matching;

/// <summary>
/// <c>dotnet run -c Release --project tests/CrmAlliance.Benchmarks -- --matching-report</c>: index memory for
/// 100,000 candidates, how much of the pool a match looks at, and single-match latencies timed with a stopwatch
/// (a cross-check of the BenchmarkDotNet percentiles). For one core: <c>DOTNET_TC_CallCountingDelayMs=0 taskset -c 0</c>
/// (pinned to one CPU, the runtime otherwise leaves the hot methods unoptimised; see SingleMatchOnOneCoreConfig).
/// </summary>
public static class MatchingReport
{
    public static void Run()
    {
        var generator = new GeneratedPool();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var candidates = generator.Candidates(MatchingBenchmarks.PoolSize);
        var profilesBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        var vacancies = generator.Vacancies(MatchingBenchmarks.VacancyCount);
        var (index, indexBytes) = IndexMemory.Build(candidates);
        using var _ = index;
        var engine = new MatchingEngine(index, Options.Create(new MatchingOptions()), PostcodeCentres.LoadEmbedded());

        var affinity = OperatingSystem.IsLinux() || OperatingSystem.IsWindows() ? $"0x{Process.GetCurrentProcess().ProcessorAffinity:X}" : "unknown";
        Console.WriteLine($"Candidates: {index.Count:N0}; vacancies: {vacancies.Count:N0}; processor affinity: {affinity}");
        Console.WriteLine($"Index memory: {indexBytes / 1024.0 / 1024.0:F1} MB (the profiles as deserialised: {profilesBytes / 1024.0 / 1024.0:F1} MB)");
        Console.WriteLine(Pruning(engine, vacancies));
        Thread.Sleep(500); // let the runtime finish tiering the hot methods up (see SingleMatchOnOneCoreConfig)

        for (var pass = 0; pass < 3; pass++)
        {
            var wall = new double[vacancies.Count];
            var cpu = new double[vacancies.Count];
            for (var i = 0; i < vacancies.Count; i++)
            {
                var cpuStarted = ThreadCpuTime.Now();
                var started = Stopwatch.GetTimestamp();
                engine.Match(vacancies[i]);
                wall[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                cpu[i] = (ThreadCpuTime.Now() - cpuStarted).TotalMicroseconds;
            }

            Array.Sort(wall);
            Array.Sort(cpu);
            Console.WriteLine($"Pass {pass + 1}, single matches, wall clock: p50 {Percentile(wall, 0.50):F0} µs, p95 {Percentile(wall, 0.95):F0} µs, p99 {Percentile(wall, 0.99):F0} µs, max {wall[^1]:F0} µs");
            Console.WriteLine($"        thread CPU time (unaffected by other processes on the core): p50 {Percentile(cpu, 0.50):F0} µs, p95 {Percentile(cpu, 0.95):F0} µs, p99 {Percentile(cpu, 0.99):F0} µs, max {cpu[^1]:F0} µs");
        }
    }

    /// <summary>How many candidates the tiered search looks at and fully scores, over the given vacancies.</summary>
    public static string Pruning(MatchingEngine engine, IReadOnlyList<VacancyProfile> vacancies)
    {
        var counts = vacancies.Select(v =>
        {
            engine.MatchCounting(v, out var c);
            return c;
        }).ToList();
        var scored = counts.Select(c => (double)c.Scored).Order().ToArray();
        var considered = counts.Select(c => (double)c.Considered).Order().ToArray();
        return $"Per match: candidates looked at p50 {Percentile(considered, 0.5):N0} / p95 {Percentile(considered, 0.95):N0}, fully scored p50 {Percentile(scored, 0.5):N0} / p95 {Percentile(scored, 0.95):N0}";
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
