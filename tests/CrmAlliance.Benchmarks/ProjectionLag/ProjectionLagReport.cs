using System.Text;
using CrmAlliance.Benchmarks.EndToEnd;

namespace CrmAlliance.Benchmarks.ProjectionLag;

/// <summary>The measured changes, rendered as the markdown block the README takes.</summary>
public sealed record ProjectionLagReport(
    ProjectionLagOptions Options,
    string Command,
    MachineFacts Machine,
    string LoadAverageAfter,
    List<TrackedChange> Changes,
    List<(ChangeKind Kind, bool WarmUp, string Error)> Failures,
    int WarmUpFailures,
    List<(double Seconds, int Unsent, double OldestMilliseconds)> Backlog,
    TimeSpan Driven,
    TimeSpan Drain,
    int Polls,
    TimeSpan Whole)
{
    private List<TrackedChange> Seen => [.. Changes.Where(c => c.Done)];

    private LatencyStats Lag => LatencyStats.Of(Seen.Select(c => c.LagMilliseconds));

    public bool Met => Seen.Count == Changes.Count && Lag.Percentile(0.99) < 5000;

    public string Render()
    {
        var s = new StringBuilder();
        var lag = Lag;
        s.AppendLine();
        s.AppendLine($"## Projection lag — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine($"`{Command}`");
        s.AppendLine();
        s.AppendLine($"Machine: {Machine.Cores} cores ({Machine.Cpu}), {Machine.Os}, {Machine.Runtime}; load average {Machine.LoadAverage} before, {LoadAverageAfter} after. Whole run {Whole.TotalSeconds:0} s.");
        s.AppendLine($"Offered {Options.MeasuredChanges:N0} changes at {Options.Rate:0.#}/s for {Options.Seconds} s (after {Options.WarmUpChanges:N0} warm-up changes); " +
            $"answered {Changes.Count:N0} in {Driven.TotalSeconds:0.0} s = **{Changes.Count / Driven.TotalSeconds:0.0} changes/s**; errors {Failures.Count} (warm-up {WarmUpFailures}); " +
            $"seen through {Seen.Count:N0}, the last {Drain.TotalMilliseconds:N0} ms after the last answer; {Polls:N0} polls of the read model.");
        s.AppendLine();
        s.AppendLine($"**Lag, answer → events consumed and read model showing it: p50 {F(lag, 0.5)}, p95 {F(lag, 0.95)}, p99 {F(lag, 0.99)}, max {LatencyStats.Format(lag.Max)}** (target p99 < 5 s: {(Met ? "met" : "MISSED")}).");
        s.AppendLine();
        s.AppendLine("| change | n | answer p50 | answer p99 | lag p50 | lag p95 | lag p99 | lag max | errors |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var kind in Enum.GetValues<ChangeKind>())
        {
            var of = Changes.Where(c => c.Kind == kind).ToList();
            var answer = LatencyStats.Of(of.Select(c => c.AnswerMilliseconds));
            var kindLag = LatencyStats.Of(of.Where(c => c.Done).Select(c => c.LagMilliseconds));
            s.AppendLine($"| {kind} | {of.Count} | {F(answer, 0.5)} | {F(answer, 0.99)} | {F(kindLag, 0.5)} | {F(kindLag, 0.95)} | {F(kindLag, 0.99)} | {LatencyStats.Format(kindLag.Max)} | {Failures.Count(f => f.Kind == kind)} |");
        }

        s.AppendLine();
        s.AppendLine("Outbox backlog (unsent rows / oldest unsent) every 5 s of the measured period: " +
            string.Join(", ", Backlog.Where((_, i) => i % 5 == 0).Select(b => $"{b.Unsent}/{LatencyStats.Format(b.OldestMilliseconds)}")) +
            $"; at most {(Backlog.Count == 0 ? 0 : Backlog.Max(b => b.Unsent))} rows, oldest {LatencyStats.Format(Backlog.Count == 0 ? 0 : Backlog.Max(b => b.OldestMilliseconds))}.");
        foreach (var (kind, error) in Failures.GroupBy(f => (f.Kind, f.Error)).Select(g => g.Key).Take(5))
        {
            s.AppendLine($"- error ({kind}): {error}");
        }

        return s.ToString();
    }

    private static string F(LatencyStats stats, double p) => LatencyStats.Format(stats.Percentile(p));
}
