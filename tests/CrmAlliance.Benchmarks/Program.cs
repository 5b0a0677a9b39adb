using BenchmarkDotNet.Running;
using CrmAlliance.Benchmarks.Audit;
using CrmAlliance.Benchmarks.CompanyPages;
using CrmAlliance.Benchmarks.Dashboard;
using CrmAlliance.Benchmarks.EndToEnd;
using CrmAlliance.Benchmarks.Hostile;
using CrmAlliance.Benchmarks.Lookups;
using CrmAlliance.Benchmarks.Matching;
using CrmAlliance.Benchmarks.ProjectionLag;
using CrmAlliance.Benchmarks.Transfer;
using CrmAlliance.Benchmarks.Yield;

if (args is ["--matching-report"])
{
    MatchingReport.Run();
    return 0;
}

if (args.Contains(YieldBenchmarkOptions.Switch))
{
    return await YieldBenchmark.RunAsync(args);
}

if (args.Contains(RebuildUnderLoadBenchmark.Switch))
{
    return await RebuildUnderLoadBenchmark.RunAsync(args);
}

if (args.Contains(HostileRequestBenchmark.Switch))
{
    return await HostileRequestBenchmark.RunAsync(args);
}

if (args.Contains(ProjectionLagOptions.Switch))
{
    return await ProjectionLagBenchmark.RunAsync(args);
}

if (args.Contains(CompanyPagesBenchmark.Switch))
{
    return await CompanyPagesBenchmark.RunAsync(args);
}

if (args.Contains(TransferBudgetBenchmark.Switch))
{
    return await TransferBudgetBenchmark.RunAsync(args);
}

if (args.Contains(DashboardBenchmark.Switch))
{
    return await DashboardBenchmark.RunAsync(args);
}

if (args.Contains(AuditCostBenchmark.Switch))
{
    return await AuditCostBenchmark.RunAsync(args);
}

if (args.Contains(MixedLoadBenchmark.Switch))
{
    return await MixedLoadBenchmark.RunAsync(args);
}

if (args.Contains(LookupBenchmark.Switch))
{
    return await LookupBenchmark.RunAsync(args);
}

if (args.Contains(EndToEndOptions.Switch))
{
    return await EndToEndBenchmark.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
