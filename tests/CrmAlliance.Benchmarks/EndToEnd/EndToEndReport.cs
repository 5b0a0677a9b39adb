using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>The machine a run was on: figures on 2 shared cores mean little without the load around them.</summary>
public sealed record MachineFacts(int Cores, string Cpu, string LoadAverage, string Os, string Runtime, string RabbitMq)
{
    public static MachineFacts Read(string rabbitMqVersion) => new(
        Environment.ProcessorCount,
        CpuModel(),
        LoadAverageNow(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        rabbitMqVersion);

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg.</summary>
    public static string LoadAverageNow()
        => File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel()
        => File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : RuntimeInformation.ProcessArchitecture.ToString();
}

/// <summary>Everything a run measured, rendered as the markdown block the README takes.</summary>
public sealed record EndToEndResults(
    EndToEndOptions Options,
    string Command,
    MachineFacts Machine,
    string LoadAverageAfter,
    DateTimeOffset StartedAt,
    IReadOnlyCollection<VacancyTrace> Traces,
    IReadOnlyCollection<string> PostFailures,
    int Faults,
    StoreChecks Checks,
    string Load,
    bool BrokerRestarted,
    TimeSpan WarmUpDrain,
    TimeSpan Drain,
    IReadOnlyList<PublishComparison.Result> Comparison)
{
    public const double TargetP50 = 20;
    public const double TargetP99 = 150;
    public const double TargetOutboxRatio = 0.5;

    public int Committed => Traces.Count(t => t[TracePoint.Committed] > 0);

    /// <summary>Committed vacancies whose suggestions were never stored (observer), or not applied once (database).</summary>
    public int Lost => Math.Max(Traces.Count(t => t[TracePoint.Committed] > 0 && t[TracePoint.Stored] == 0), Committed - Checks.MatchedInboxEntries);

    /// <summary>Suggestions stored twice for a vacancy, or a second round for one (the inbox let a repeat through).</summary>
    public int Duplicated => Checks.DuplicateSuggestions + Checks.SupersededSuggestions + Math.Max(0, Checks.MatchedInboxEntries - Committed);

    public bool Correct => Lost == 0 && Duplicated == 0 && PostFailures.Count == 0;

    private List<VacancyTrace> Measured => [.. Traces.Where(t => !t.WarmUp && t[TracePoint.Committed] > 0).OrderBy(t => t[TracePoint.Scheduled])];

    public string Render()
    {
        var measured = Measured;
        var complete = measured.Where(t => t[TracePoint.Stored] > 0).ToList();
        var total = Stats(complete, TracePoint.Committed, TracePoint.Stored);
        var byCommit = measured.OrderBy(t => t[TracePoint.Committed]).ToList();
        var achievedRate = byCommit.Count > 1 ? (byCommit.Count - 1) / (LatencyStats.Milliseconds(byCommit[0][TracePoint.Committed], byCommit[^1][TracePoint.Committed]) / 1000) : double.NaN;
        var redeliveries = Traces.Sum(t => Math.Max(0, t.StoreDeliveries - 1) + Math.Max(0, t.WorkerDeliveries - 1));

        var s = new StringBuilder();
        s.AppendLine("### End to end over RabbitMQ: vacancy committed → suggestions stored");
        s.AppendLine();
        s.AppendLine($"`{Command}`");
        s.AppendLine();

        s.AppendLine($"{StartedAt:yyyy-MM-dd HH:mm} UTC · {Machine.Cores} cores ({Machine.Cpu}) · load average {Machine.LoadAverage} at start, {LoadAverageAfter} at end · {Machine.Runtime} · {Machine.Os} · RabbitMQ {Machine.RabbitMq} · SQLite file (WAL) · Api and matching worker as two hosts in one process, each with its own bus connection");
        s.AppendLine();
        s.AppendLine($"Open-loop {Options.Rate:0.#} vacancies/s for {Options.Seconds} s after a {Options.WarmUpSeconds} s warm-up at the same rate ({Options.WarmUpVacancies:N0} vacancies, not counted; its last suggestions were stored {WarmUpDrain.TotalSeconds:0.0} s after its last commit, and measuring began then); pool {Options.Candidates:N0} candidates, {PoolSeeder.Companies} companies, {PoolSeeder.Workplaces} workplaces; top 20 per vacancy. After the last measured commit, the last suggestions were stored {Drain.TotalSeconds:0.0} s later.");
        s.AppendLine();
        if (BrokerRestarted || Faults > 0)
        {
            s.AppendLine($"**Disturbed run:** {(BrokerRestarted ? "the RabbitMQ process changed while measuring (someone restarted the shared broker)" : "the bus reported faults")}; the latencies below are not the steady state. Lost and duplicated still count.");
            s.AppendLine();
        }

        s.AppendLine("| Figure | Target | Result |");
        s.AppendLine("| --- | ---: | ---: |");
        s.AppendLine($"| Vacancies committed (measured) | {Options.MeasuredVacancies:N0} at {Options.Rate:0.#}/s | {measured.Count:N0} at {achievedRate:0.0}/s |");
        s.AppendLine($"| Latency p50 | ≤ {TargetP50:0} ms | **{LatencyStats.Format(total.Percentile(0.50))}** {Verdict(total.Percentile(0.50) <= TargetP50)} |");
        s.AppendLine($"| Latency p90 | | {LatencyStats.Format(total.Percentile(0.90))} |");
        s.AppendLine($"| Latency p99 | ≤ {TargetP99:0} ms | **{LatencyStats.Format(total.Percentile(0.99))}** {Verdict(total.Percentile(0.99) <= TargetP99)} |");
        s.AppendLine($"| Latency max | | {LatencyStats.Format(total.Max)} |");
        s.AppendLine($"| Lost (all {Committed:N0} committed, warm-up included) | 0 | {Lost} {Verdict(Lost == 0)} |");
        s.AppendLine($"| Duplicated | 0 | {Duplicated} {Verdict(Duplicated == 0)} |");
        s.AppendLine($"| Failed posts / bus faults / redeliveries | | {PostFailures.Count} / {Faults} / {redeliveries} |");
        s.AppendLine();
        s.AppendLine($"Database after the run: {Checks.OpenVacancies:N0} open vacancies, {Checks.MatchedInboxEntries:N0} applied VacancyMatched, {Checks.Suggestions:N0} suggestions for {Checks.VacanciesWithSuggestions:N0} vacancies (the rest had no eligible candidate), {Checks.DuplicateSuggestions} duplicate and {Checks.SupersededSuggestions} superseded suggestions, {Checks.UnsentOutboxRows} unsent outbox rows.");
        s.AppendLine();
        s.AppendLine("Where the time goes (measured vacancies; each stage from the previous point):");
        s.AppendLine();
        s.AppendLine("| Stage | p50 | p90 | p99 | max |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        Row(s, "Driver: due → handler started (schedule lag, not in the latency)", Stats(measured, TracePoint.Scheduled, TracePoint.Started));
        Row(s, "Handler: validate, insert vacancy + outbox row, commit (not in the latency)", Stats(measured, TracePoint.Started, TracePoint.Committed));
        Row(s, "Commit → dispatcher publishes VacancyPosted (signal, read, claim)", Stats(complete, TracePoint.Committed, TracePoint.DispatchStarted));
        Row(s, "Dispatcher publish → matching consumer starts (broker, worker prefetch)", Stats(complete, TracePoint.DispatchStarted, TracePoint.MatchingStarted));
        Row(s, "Matching: score the pool, top 20", Stats(complete, TracePoint.MatchingStarted, TracePoint.MatchedPublished));
        Row(s, "VacancyMatched publish → Api consumer starts (broker, one-at-a-time queue)", Stats(complete, TracePoint.MatchedPublished, TracePoint.StoreStarted));
        Row(s, "Store suggestions + inbox entry (SQLite commit)", Stats(complete, TracePoint.StoreStarted, TracePoint.Stored));
        Row(s, "**Commit → stored (the figure)**", total);
        Row(s, "(Dispatcher publish → broker confirm of VacancyPosted)", Stats(complete, TracePoint.DispatchStarted, TracePoint.PublishConfirmed));
        s.AppendLine();
        s.AppendLine("p50 / p99 of commit → stored per 10 s of the measured period: " + string.Join(", ", Windows(complete)) + ".");
        s.AppendLine();
        s.AppendLine(Load);
        s.AppendLine();
        s.AppendLine(StoreConsumerUse());
        s.AppendLine();
        RenderComparison(s);
        if (PostFailures.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("Failed posts (first 5): " + string.Join(" | ", PostFailures.Take(5)));
        }

        return s.ToString();
    }

    private void RenderComparison(StringBuilder s)
    {
        if (Comparison.Count == 0)
        {
            return;
        }

        var plain = Comparison[0];
        s.AppendLine($"Outbox dispatcher against plain publish, same run, same bus: {plain.Messages:N0} × PlacementEnded each, routed to a durable queue; the dispatcher with its shipped settings.");
        s.AppendLine();
        s.AppendLine("| Path | Aggregates | Messages/s | Ratio to plain | Target | Notes |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var result in Comparison)
        {
            var ratio = result.PerSecond / plain.PerSecond;
            var target = result == plain ? "" : result.Aggregates == "all distinct" ? $"≥ {TargetOutboxRatio:0.0} {Verdict(ratio >= TargetOutboxRatio)}" : "(no target)";
            s.AppendLine($"| {result.Path} | {result.Aggregates} | {result.PerSecond:N0} | {ratio:0.00} | {target} | {result.Elapsed.TotalMilliseconds:N0} ms{(result.Note.Length > 0 ? "; " + result.Note : "")} |");
        }
    }

    /// <summary>
    /// VacancyMatchedConsumer takes one message at a time: how much of the time from the first to the last
    /// message it spent inside the consumer, and the gaps between one message's end and the next one's start
    /// while the next one had already been published (i.e. was waiting).
    /// </summary>
    private string StoreConsumerUse()
    {
        var stores = Traces.Where(t => t[TracePoint.StoreStarted] > 0 && t[TracePoint.Stored] > 0).OrderBy(t => t[TracePoint.StoreStarted]).ToList();
        if (stores.Count < 2)
        {
            return "";
        }

        var span = LatencyStats.Milliseconds(stores[0][TracePoint.StoreStarted], stores[^1][TracePoint.Stored]);
        var busy = stores.Sum(t => LatencyStats.Milliseconds(t[TracePoint.StoreStarted], t[TracePoint.Stored]));
        var gaps = LatencyStats.Of(stores.Zip(stores.Skip(1))
            .Where(p => p.Second[TracePoint.MatchedPublished] < p.First[TracePoint.Stored])
            .Select(p => LatencyStats.Milliseconds(p.First[TracePoint.Stored], p.Second[TracePoint.StoreStarted])));
        return $"VacancyMatchedConsumer (one at a time): inside the consumer {busy / span:P0} of the {span / 1000:0.0} s from its first message to its last; "
            + $"{stores.Count / (span / 1000):0.0} messages/s; gap from one message's end to the next waiting one's start p50 {LatencyStats.Format(gaps.Percentile(0.5))}, p99 {LatencyStats.Format(gaps.Percentile(0.99))}, max {LatencyStats.Format(gaps.Max)} ({gaps.Count} gaps).";
    }

    private static string Verdict(bool met) => met ? "✓" : "✗ missed";

    private static LatencyStats Stats(IEnumerable<VacancyTrace> traces, TracePoint from, TracePoint to)
        => LatencyStats.Of(traces.Where(t => t[from] > 0 && t[to] > 0).Select(t => LatencyStats.Milliseconds(t[from], t[to])));

    private static void Row(StringBuilder s, string stage, LatencyStats stats)
        => s.AppendLine($"| {stage} | {LatencyStats.Format(stats.Percentile(0.50))} | {LatencyStats.Format(stats.Percentile(0.90))} | {LatencyStats.Format(stats.Percentile(0.99))} | {LatencyStats.Format(stats.Max)} |");

    private static IEnumerable<string> Windows(List<VacancyTrace> complete)
    {
        if (complete.Count == 0)
        {
            yield break;
        }

        var first = complete.Min(t => t[TracePoint.Scheduled]);
        foreach (var window in complete.GroupBy(t => (t[TracePoint.Scheduled] - first) / (10 * Stopwatch.Frequency)).OrderBy(g => g.Key))
        {
            var stats = LatencyStats.Of(window.Select(t => LatencyStats.Milliseconds(t[TracePoint.Committed], t[TracePoint.Stored])));
            yield return $"{stats.Percentile(0.50):0} / {stats.Percentile(0.99):0}";
        }
    }
}
