using System.Diagnostics;
using System.Globalization;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>Wall-clock time per phase of a rebuild, summed over its chunks: where the time goes, printed at the end.</summary>
public sealed class RebuildPhases
{
    private readonly Dictionary<string, TimeSpan> elapsed = [];
    private readonly Lock gate = new();

    public IDisposable Measure(string phase) => new Timing(this, phase, Stopwatch.GetTimestamp());

    public IReadOnlyDictionary<string, TimeSpan> Elapsed
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, TimeSpan>(elapsed);
            }
        }
    }

    /// <summary>E.g. "phases: read facts 12.3 s, compute contributions 4.0 s".</summary>
    public string Describe()
        => "phases: " + string.Join(", ", Elapsed.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.TotalSeconds:0.0} s")));

    private void Add(string phase, TimeSpan time)
    {
        lock (gate)
        {
            elapsed[phase] = elapsed.GetValueOrDefault(phase) + time;
        }
    }

    private sealed class Timing(RebuildPhases owner, string phase, long started) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (!disposed)
            {
                disposed = true;
                owner.Add(phase, Stopwatch.GetElapsedTime(started));
            }
        }
    }
}
