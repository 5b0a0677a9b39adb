using System.Text.Json;

namespace CrmAlliance.IntegrationTests.Infrastructure.Replicas;

/// <summary>The figures of one multi-replica run: <see cref="Describe"/> for people, <see cref="Line"/> as one JSON line for the README.</summary>
public sealed record ReplicaFigures(
    string Database,
    double OneReplicaWritesPerSecond,
    double TwoReplicasWritesPerSecond,
    long LagP50Ms,
    long LagP95Ms,
    long LagMaxMs,
    long MatchedP50Ms,
    long MatchedP95Ms,
    int Vacancies,
    long ApiColdStartMs,
    long ApiRestartReadyMs,
    long ApiReadyAfterKillMs,
    long WorkerRestartReadyMs,
    long WorkerConsumesMs,
    int FailedRequests,
    int RetriedWrites,
    int RetriedAcknowledged,
    int Unanswered,
    int OutboxRowsDelayed,
    long OutboxLongestDelayMs,
    long OutboxClaimLeaseMs,
    long AcknowledgedWrites,
    int TestSeconds)
{
    public string Describe() =>
        $"Throughput: {OneReplicaWritesPerSecond} acknowledged writes/s through one replica, {TwoReplicasWritesPerSecond} through two.\n" +
        $"Lag from vacancy committed to suggestions stored ({Vacancies} vacancies): p50 {LagP50Ms} ms, p95 {LagP95Ms} ms, max {LagMaxMs} ms; " +
        $"matched by a worker after p50 {MatchedP50Ms} ms, p95 {MatchedP95Ms} ms.\n" +
        $"Kill of replica A: ready {ApiRestartReadyMs} ms after its restart under load (first start {ApiColdStartMs} ms), {ApiReadyAfterKillMs} ms after the kill; " +
        $"{FailedRequests} requests failed in flight, {RetriedWrites} writes sent again, {RetriedAcknowledged} of them acknowledged, {Unanswered} unanswered.\n" +
        $"Outbox: {OutboxRowsDelayed} events published more than 5 s after their commit (the killed replica's claims lapse after {OutboxClaimLeaseMs} ms), the longest after {OutboxLongestDelayMs} ms.\n" +
        $"Kill of worker 1: ready {WorkerRestartReadyMs} ms after its restart, consuming {WorkerConsumesMs} ms after it.";

    public string Line() => "REPLICA-FIGURES " + JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static long Percentile(List<TimeSpan> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : Millis(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)]);
    }

    public static long Millis(TimeSpan elapsed) => (long)elapsed.TotalMilliseconds;
}
