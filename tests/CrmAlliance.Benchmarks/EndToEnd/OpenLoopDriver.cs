extern alias api;
using System.Collections.Concurrent;
using System.Diagnostics;
using api::CrmAlliance.Api.Core;
using api::CrmAlliance.Api.Features.Vacancies;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>
/// Posts vacancies at a fixed rate, open loop: vacancy i is due at start + i / rate and is started then on the
/// thread pool, whether or not earlier ones have finished (a slow commit does not slow the arrivals down, as it
/// would not for users). A timer ticking ten times per interval releases what is due; each post calls the core
/// handler <see cref="PostVacancyHandler"/> in its own DI scope as a consultant, exactly as the GraphQL mutation
/// does after parsing — no HTTP, so the figure starts at the commit.
/// </summary>
public sealed class OpenLoopDriver(IServiceProvider services, VacancyTraces traces, double rate)
{
    private static readonly Actor Consultant = new("e2e-load-driver", "load-driver@benchmark.local", Role.Consultant, null);

    public ConcurrentQueue<string> Failures { get; } = new();

    /// <summary>Posts all <paramref name="inputs"/> on the schedule; <paramref name="warmUp"/> marks their traces as not counted.</summary>
    public async Task RunAsync(IReadOnlyList<PostVacancyInput> inputs, bool warmUp, CancellationToken cancellationToken)
    {
        var tick = TimeSpan.FromSeconds(Math.Clamp(0.1 / rate, 0.001, 0.010));
        using var timer = new PeriodicTimer(tick);
        var posts = new List<Task>(inputs.Count);
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        while (next < inputs.Count)
        {
            var due = Math.Min(inputs.Count, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate) + 1);
            for (; next < due; next++)
            {
                var number = next;
                var scheduled = start + (long)(number * Stopwatch.Frequency / rate);
                posts.Add(Task.Run(() => PostAsync(inputs[number], scheduled, warmUp, cancellationToken), cancellationToken));
            }

            if (next < inputs.Count)
            {
                await timer.WaitForNextTickAsync(cancellationToken);
            }
        }

        await Task.WhenAll(posts);
    }

    private async Task PostAsync(PostVacancyInput input, long scheduled, bool warmUp, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var scope = services.CreateAsyncScope();
            var vacancy = await scope.ServiceProvider.GetRequiredService<PostVacancyHandler>().HandleAsync(input, Consultant, cancellationToken);
            var committed = Stopwatch.GetTimestamp();
            var trace = traces.For(vacancy.Id);
            trace.WarmUp = warmUp;
            trace.Set(TracePoint.Scheduled, scheduled);
            trace.Set(TracePoint.Started, started);
            trace.Set(TracePoint.Committed, committed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Failures.Enqueue($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
