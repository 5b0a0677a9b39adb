using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using CrmAlliance.Matching.Engine;
using Microsoft.Extensions.Options;
using Perfolizer.Mathematics.OutlierDetection;

namespace CrmAlliance.Benchmarks.Matching;

/// <summary>
/// Matching one vacancy against 100,000 generated candidates (<see cref="GeneratedPool"/>): the engine's tiered
/// search against scoring every candidate in the same compact index, and against the brute-force reference over
/// the profiles (the baseline of the Ratio column). Each iteration is ONE match, of the next of 1,024 generated
/// vacancies, so the P50/P95 columns are percentiles of single matches over a realistic mix of vacancies.
/// <code>dotnet run -c Release --project tests/CrmAlliance.Benchmarks -- --filter '*Matching*'</code>
/// </summary>
[Config(typeof(SingleMatchOnOneCoreConfig))]
public class MatchingBenchmarks
{
    public const int PoolSize = 100_000;
    public const int VacancyCount = 1_024;

    private List<VacancyProfile> _vacancies = [];
    private CandidateIndex _index = null!;
    private MatchingEngine _engine = null!;
    private BruteForceMatcher _bruteForce = null!;
    private int _next;

    [GlobalSetup(Targets = [nameof(Index), nameof(IndexEveryCandidate)])]
    public void BuildPoolAndWarmTheEngine()
    {
        BuildPool();
        Warm(v => _engine.Match(v), _vacancies.Count);
        Warm(v => _engine.MatchExhaustively(v), 100);
    }

    [GlobalSetup(Target = nameof(BruteForce))]
    public void BuildPoolAndWarmTheBruteForce()
    {
        BuildPool();
        Warm(v => _bruteForce.Match(v), 40);
    }

    private void BuildPool()
    {
        var generator = new GeneratedPool();
        var candidates = generator.Candidates(PoolSize);
        _vacancies = generator.Vacancies(VacancyCount);
        var (index, bytes) = IndexMemory.Build(candidates);
        _index = index;
        var options = Options.Create(new MatchingOptions());
        var centres = PostcodeCentres.LoadEmbedded();
        _engine = new MatchingEngine(_index, options, centres);
        _bruteForce = new BruteForceMatcher(candidates, options, centres);
        Console.WriteLine($"// Index of {_index.Count:N0} candidates: {bytes / 1024.0 / 1024.0:F1} MB (GC heap growth while building it).");
        Console.WriteLine("// " + MatchingReport.Pruning(_engine, _vacancies));
    }

    [GlobalCleanup]
    public void Dispose() => _index.Dispose();

    [Benchmark(Description = "Index: tiers and bounds")]
    public int Index() => _engine.Match(NextVacancy()).Count;

    [Benchmark(Description = "Index: every candidate")]
    public int IndexEveryCandidate() => _engine.MatchExhaustively(NextVacancy()).Count;

    [Benchmark(Baseline = true, Description = "Brute force over profiles")]
    public int BruteForce() => _bruteForce.Match(NextVacancy()).Count;

    /// <summary>
    /// A long-running worker matches with fully optimised code: run enough matches for the runtime to tier the
    /// hot methods up, and give its background compiler a moment, before the first measured iteration.
    /// </summary>
    private void Warm(Func<VacancyProfile, object> match, int count)
    {
        foreach (var vacancy in _vacancies.Take(count))
        {
            match(vacancy);
        }

        Thread.Sleep(500);
    }

    private VacancyProfile NextVacancy() => _vacancies[_next++ % _vacancies.Count];
}

/// <summary>
/// One invocation per iteration (percentiles of single matches), pinned to CPU 0 (affinity mask 1), no forced GC
/// between iterations (a full collection of the 100,000-candidate heap would dwarf a match), allocations measured.
/// </summary>
public sealed class SingleMatchOnOneCoreConfig : ManualConfig
{
    public SingleMatchOnOneCoreConfig()
    {
        AddJob(Job.Default
            .WithId("OneCore")
            .WithAffinity(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(30)
            .WithIterationCount(300)
            .WithGcForce(false)
            // Percentiles of all matches: BenchmarkDotNet would otherwise drop the slow tail before computing P95.
            .WithOutlierMode(OutlierMode.DontRemove)
            // Pinned to one CPU, the runtime's tier-up waits for a quiet spell in JIT activity that does not come
            // in time (measured: matches stayed in unoptimised tier-0 code for thousands of calls); without the
            // delay, methods are promoted after 30 calls as usual and the steady state is measured.
            .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TC_CallCountingDelayMs", "0")));
        AddColumn(StatisticColumn.P50, StatisticColumn.P95);
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.DisableLogFile);
    }
}
