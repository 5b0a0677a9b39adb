using BenchmarkDotNet.Running;
using CrmAlliance.Benchmarks.Matching;

if (args is ["--matching-report"])
{
    MatchingReport.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
