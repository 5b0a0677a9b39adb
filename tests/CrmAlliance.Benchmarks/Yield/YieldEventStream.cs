extern alias api;
using System.Diagnostics;
using api::CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Benchmarks.EndToEnd;
using CrmAlliance.Benchmarks.ProjectionLag;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>What the reports measured while source changes streamed in, and what the stream achieved.</summary>
public sealed record StreamResult(
    LatencyStats Ranking,
    LatencyStats Summary,
    int ChangesMade,
    int Failures,
    IReadOnlyList<string> FailureReasons,
    TimeSpan Elapsed,
    int ReadModelVersions,
    LatencyStats SeenThrough,
    bool Drained)
{
    public double ChangesPerSecond => ChangesMade / Elapsed.TotalSeconds;

    public double VersionsPerSecond => ReadModelVersions / Elapsed.TotalSeconds;
}

/// <summary>
/// Real source changes at a fixed rate (the projection-lag benchmark's consultant: contacts, vacancies, pledges,
/// placements proposed, approved, started and ended, outcomes, company edits, each through its GraphQL mutation, so
/// each goes through the outbox, the bus and the real projection), open loop, on round-robin companies; meanwhile one
/// reader asks for the ranking and the summary, one request at a time, without waiting for a quiet read model.
/// </summary>
public static class YieldEventStream
{
    public static async Task<StreamResult> RunAsync(YieldApiHost host, string database, Func<Task> ranking, Func<Task> summary, double rate, int seconds, CancellationToken cancellationToken)
    {
        var admin = await GraphQLSession.SignInAsync(host, YieldApiHost.AdminEmail, YieldApiHost.AdminPassword);
        var (email, password) = ($"yield-stream-{Guid.NewGuid():N}@benchmark.local", $"Ranking-Driver-{Guid.NewGuid():N}");
        await admin.SendAsync("mutation($input: CreateUserInput!) { createUser(input: $input) { id } }", new { input = new { email, displayName = "Yield stream", role = "CONSULTANT", password } }, cancellationToken);
        var consultant = await GraphQLSession.SignInAsync(host, email, password);
        var pool = await WorkPool.LoadAsync(consultant, candidates: 200, cancellationToken);
        Console.WriteLine($"  stream: {pool.Companies.Count:N0} active companies, {pool.Candidates.Count} fresh candidates; warming up 5 s …");

        await using var watcher = new LagWatcher(database);
        var driver = new ChangeDriver(new ChangeOperations(consultant, pool), watcher, rate);
        var warmUp = (int)(rate * 5);
        var plan = ChangeMix.Sequence(warmUp + (int)(rate * seconds));
        await driver.RunAsync([.. plan.Take(warmUp)], warmUp: true, cancellationToken);

        var versionBefore = await VersionAsync(host);
        var clock = Stopwatch.StartNew();
        var driving = driver.RunAsync([.. plan.Skip(warmUp)], warmUp: false, cancellationToken);
        var (rankingTimes, summaryTimes) = (new List<double>(), new List<double>());
        while (!driving.IsCompleted)
        {
            rankingTimes.Add(await TimeAsync(ranking));
            summaryTimes.Add(await TimeAsync(summary));
        }

        await driving;
        var elapsed = clock.Elapsed;
        var versions = await VersionAsync(host) - versionBefore;
        var drained = await watcher.WaitUntilDoneAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var measured = watcher.All.Where(c => !c.WarmUp).ToList();
        return new StreamResult(
            LatencyStats.Of(rankingTimes),
            LatencyStats.Of(summaryTimes),
            measured.Count,
            driver.Failures.Count(f => !f.WarmUp),
            [.. driver.Failures.Where(f => !f.WarmUp).Select(f => $"{f.Kind}: {f.Error}").Distinct().Take(3)],
            elapsed,
            versions,
            LatencyStats.Of(measured.Where(c => c.Done).Select(c => c.LagMilliseconds)),
            drained);
    }

    private static async Task<double> TimeAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        await call();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<int> VersionAsync(YieldApiHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().YieldState.AsNoTracking().Select(s => s.Version).SingleAsync();
    }
}
