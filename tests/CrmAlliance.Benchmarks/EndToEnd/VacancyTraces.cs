using System.Collections.Concurrent;
using System.Diagnostics;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>The points on a vacancy's way from the open-loop schedule to its stored suggestions, in order.</summary>
public enum TracePoint
{
    /// <summary>When the open-loop schedule said to post it.</summary>
    Scheduled,

    /// <summary>When the driver started the handler (the schedule's lag is Started − Scheduled).</summary>
    Started,

    /// <summary>Right after <c>PostVacancyHandler</c> returned: its one SaveChanges (vacancy + outbox row) is committed.</summary>
    Committed,

    /// <summary>Api, publish observer: the outbox dispatcher starts publishing VacancyPosted.</summary>
    DispatchStarted,

    /// <summary>Api, publish observer: the broker confirmed VacancyPosted.</summary>
    PublishConfirmed,

    /// <summary>Worker, consume observer: the matching consumer starts on VacancyPosted.</summary>
    MatchingStarted,

    /// <summary>Worker, publish observer: the matches are computed and VacancyMatched is being published.</summary>
    MatchedPublished,

    /// <summary>Api, consume observer: VacancyMatchedConsumer starts (after waiting for its one-at-a-time slot).</summary>
    StoreStarted,

    /// <summary>Api, consume observer, after the consumer: its SaveChanges (suggestions + inbox entry) is committed.</summary>
    Stored,
}

/// <summary>
/// When one vacancy passed each <see cref="TracePoint"/>, in <see cref="Stopwatch"/> ticks of this process (both
/// hosts run in it, so both ends share one clock); 0 until seen. The first sighting of a point is kept;
/// deliveries are counted, so redeliveries show.
/// </summary>
public sealed class VacancyTrace
{
    private readonly long[] _points = new long[Enum.GetValues<TracePoint>().Length];
    private int _workerDeliveries;
    private int _storeDeliveries;
    private int _suggestions = -1;

    public long this[TracePoint point] => Volatile.Read(ref _points[(int)point]);

    public bool WarmUp { get; set; }

    public int WorkerDeliveries => Volatile.Read(ref _workerDeliveries);

    public int StoreDeliveries => Volatile.Read(ref _storeDeliveries);

    /// <summary>How many candidates the (first) VacancyMatched proposed; -1 before it arrived.</summary>
    public int Suggestions => Volatile.Read(ref _suggestions);

    /// <summary>Records the point now, unless it was seen before.</summary>
    public void Mark(TracePoint point) => Set(point, Stopwatch.GetTimestamp());

    public void Set(TracePoint point, long timestamp) => Interlocked.CompareExchange(ref _points[(int)point], timestamp, 0);

    public void WorkerDelivered() => Interlocked.Increment(ref _workerDeliveries);

    public void StoreDelivered(int suggestions)
    {
        Interlocked.Increment(ref _storeDeliveries);
        Interlocked.CompareExchange(ref _suggestions, suggestions, -1);
    }
}

/// <summary>The traces of one run, keyed by vacancy id, plus counters for the publish comparison.</summary>
public sealed class VacancyTraces
{
    private readonly ConcurrentDictionary<Guid, VacancyTrace> _byVacancy = new();
    private readonly ConcurrentDictionary<Guid, int> _lastIndexByAggregate = new();
    private int _comparisonPublished;
    private int _orderViolations;
    private int _faults;

    public VacancyTrace For(Guid vacancyId) => _byVacancy.GetOrAdd(vacancyId, _ => new VacancyTrace());

    public IReadOnlyCollection<VacancyTrace> All => [.. _byVacancy.Values];

    /// <summary>Publish and consume faults seen by the observers in either host.</summary>
    public int Faults => Volatile.Read(ref _faults);

    public void Fault() => Interlocked.Increment(ref _faults);

    /// <summary>Confirmed publishes of the comparison's message type.</summary>
    public int ComparisonPublished => Volatile.Read(ref _comparisonPublished);

    /// <summary>Publishes of an aggregate that came before an earlier-numbered one of the same aggregate.</summary>
    public int OrderViolations => Volatile.Read(ref _orderViolations);

    public void ComparisonPublishing(Guid aggregateId, int index)
    {
        var previous = _lastIndexByAggregate.GetValueOrDefault(aggregateId, -1);
        if (index < previous)
        {
            Interlocked.Increment(ref _orderViolations);
        }

        _lastIndexByAggregate[aggregateId] = index;
    }

    public void ComparisonConfirmed() => Interlocked.Increment(ref _comparisonPublished);

    public void ResetComparison()
    {
        _lastIndexByAggregate.Clear();
        Interlocked.Exchange(ref _comparisonPublished, 0);
    }
}
