using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace CrmAlliance.Benchmarks.ProjectionLag;

/// <summary>One acknowledged change and when the watcher first saw it consumed and reflected.</summary>
public sealed class TrackedChange(ChangeKind kind, Expectation expectation, DateTime acknowledgedUtc, double answerMilliseconds, bool warmUp)
{
    public ChangeKind Kind { get; } = kind;

    public Expectation Expectation { get; } = expectation;

    public DateTime AcknowledgedUtc { get; } = acknowledgedUtc;

    /// <summary>From the change's scheduled time to its mutation's answer.</summary>
    public double AnswerMilliseconds { get; } = answerMilliseconds;

    public bool WarmUp { get; } = warmUp;

    /// <summary>Every outbox row of its aggregate committed up to the acknowledgement is marked sent (= consumed).</summary>
    public DateTime? ConsumedUtc { get; set; }

    /// <summary>The read model shows the change (at once for a change it does not keep).</summary>
    public DateTime? ReflectedUtc { get; set; }

    public bool Done => ConsumedUtc is not null && ReflectedUtc is not null;

    /// <summary>Acknowledgement → consumed and reflected, in milliseconds.</summary>
    public double LagMilliseconds => ((ConsumedUtc!.Value > ReflectedUtc!.Value ? ConsumedUtc.Value : ReflectedUtc.Value) - AcknowledgedUtc).TotalMilliseconds;
}

/// <summary>
/// Watches the Api's SQLite file through a connection of its own, every 50 ms: the unsent outbox rows (the backlog)
/// and, for every change not yet seen through, whether its aggregate's rows are consumed and whether the yield read
/// model's fact tables show it. A change counts from its acknowledgement to the end of the poll that saw both, so the
/// figures are at most one poll (plus its queries) late, never early.
/// </summary>
public sealed class LagWatcher : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly List<TrackedChange> pending = [];
    private readonly List<TrackedChange> all = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task watching;
    private readonly long startedAt = Stopwatch.GetTimestamp();

    public LagWatcher(string database)
    {
        connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        watching = Task.Run(WatchAsync);
    }

    /// <summary>(seconds since the watcher started, unsent outbox rows, age of the oldest in ms) once a second.</summary>
    public List<(double Seconds, int Unsent, double OldestMilliseconds)> Backlog { get; } = [];

    public int Polls { get; private set; }

    public int Pending
    {
        get
        {
            lock (pending)
            {
                return pending.Count;
            }
        }
    }

    public IReadOnlyList<TrackedChange> All
    {
        get
        {
            lock (pending)
            {
                return [.. all];
            }
        }
    }

    public void Track(TrackedChange change)
    {
        lock (pending)
        {
            pending.Add(change);
            all.Add(change);
        }
    }

    /// <summary>Waits until every tracked change is seen through; false at the time limit.</summary>
    public async Task<bool> WaitUntilDoneAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Pending > 0)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }

    private async Task WatchAsync()
    {
        var nextSample = 0.0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await PollAsync(ref nextSample);
            }
            catch (SqliteException ex)
            {
                Console.Error.WriteLine($"[lag] poll failed: {ex.Message}");
            }

            await Task.Delay(50, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private Task PollAsync(ref double nextSample)
    {
        // Taken before the outbox is read: every change in it was acknowledged, so its rows are committed and visible.
        List<TrackedChange> open;
        lock (pending)
        {
            open = [.. pending];
        }

        var oldestUnsentByAggregate = new Dictionary<Guid, long>();
        var unsent = 0;
        var oldest = long.MaxValue;
        foreach (var (aggregate, created) in Rows("SELECT AggregateId, CreatedAt FROM OutboxMessages WHERE SentAt IS NULL", r => (r.GetGuid(0), r.GetInt64(1))))
        {
            unsent++;
            oldest = Math.Min(oldest, created);
            oldestUnsentByAggregate[aggregate] = Math.Min(created, oldestUnsentByAggregate.GetValueOrDefault(aggregate, long.MaxValue));
        }

        var observed = DateTime.UtcNow;
        var seconds = Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
        if (seconds >= nextSample)
        {
            Backlog.Add((seconds, unsent, unsent == 0 ? 0 : (observed.Ticks - oldest) / (double)TimeSpan.TicksPerMillisecond));
            nextSample = Math.Floor(seconds) + 1;
        }

        foreach (var change in open.Where(c => c.ConsumedUtc is null))
        {
            if (!oldestUnsentByAggregate.TryGetValue(change.Expectation.Aggregate, out var created) || created > change.AcknowledgedUtc.Ticks)
            {
                change.ConsumedUtc = observed;
            }
        }

        foreach (var group in open.Where(c => c.ReflectedUtc is null).GroupBy(c => c.Expectation.Check))
        {
            if (group.Key == ReadModelCheck.None)
            {
                foreach (var change in group)
                {
                    change.ReflectedUtc = change.AcknowledgedUtc;
                }

                continue;
            }

            foreach (var chunk in group.Chunk(400))
            {
                var shown = Shown(group.Key, chunk);
                var now = DateTime.UtcNow;
                foreach (var change in chunk.Where(c => shown.Contains((c.Expectation.RowId, c.Expectation.Value))))
                {
                    change.ReflectedUtc = now;
                }
            }
        }

        lock (pending)
        {
            pending.RemoveAll(c => c.Done);
        }

        Polls++;
        return Task.CompletedTask;
    }

    /// <summary>The (row, value) pairs of these changes that the fact tables show now.</summary>
    private HashSet<(Guid, int)> Shown(ReadModelCheck check, TrackedChange[] changes)
    {
        // Guids are stored as upper-case text (EF Core's SQLite default); they are not user input.
        var ids = string.Join(',', changes.Select(c => $"'{c.Expectation.RowId.ToString().ToUpperInvariant()}'").Distinct());
        var sql = check switch
        {
            ReadModelCheck.ContactFact => $"SELECT ContactLogId, 0 FROM YieldContactFacts WHERE ContactLogId IN ({ids})",
            ReadModelCheck.PledgeFactWithMentors => $"SELECT PledgeId, Mentors FROM YieldPledgeFacts WHERE PledgeId IN ({ids})",
            ReadModelCheck.VacancyFact => $"SELECT VacancyId, 0 FROM YieldVacancyFacts WHERE VacancyId IN ({ids})",
            ReadModelCheck.PlacementFact => $"SELECT PlacementId, 0 FROM YieldPlacementFacts WHERE PlacementId IN ({ids})",
            ReadModelCheck.PlacementFactEnded => $"SELECT PlacementId, 0 FROM YieldPlacementFacts WHERE EndedOn IS NOT NULL AND PlacementId IN ({ids})",
            ReadModelCheck.PlacementFactWithEndResult => $"SELECT PlacementId, 0 FROM YieldPlacementFacts WHERE EndResult IS NOT NULL AND PlacementId IN ({ids})",
            _ => throw new ArgumentOutOfRangeException(nameof(check)),
        };
        return [.. Rows(sql, r => (r.GetGuid(0), r.GetInt32(1)))];
    }

    private List<T> Rows<T>(string sql, Func<DbDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await watching;
        await connection.DisposeAsync();
        stop.Dispose();
    }
}
