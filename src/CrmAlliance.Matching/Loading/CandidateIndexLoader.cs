using System.Diagnostics;
using CrmAlliance.Matching.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmAlliance.Matching.Loading;

/// <summary>
/// Fills the index from the snapshot at start, retrying until the source answers. Candidate events
/// that arrive meanwhile are applied too: the index keeps the newest state per candidate by its time,
/// so the order of snapshot rows and events does not matter.
/// </summary>
public sealed class CandidateIndexLoader(CandidateIndex index, ICandidateSnapshotSource source, IndexReadiness readiness, ILogger<CandidateIndexLoader> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var clock = Stopwatch.StartNew();
                var read = 0;
                await foreach (var candidate in source.ReadAllAsync(stoppingToken))
                {
                    index.Upsert(candidate);
                    read++;
                }

                readiness.MarkLoaded();
                logger.LogInformation("Candidate index loaded: {Read} from the snapshot in {Elapsed} ms; {Count} in the pool.", read, clock.ElapsedMilliseconds, index.Count);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Loading the candidate snapshot failed; retrying in {Delay}.", delay);
                await Task.Delay(delay, stoppingToken);
                delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
            }
        }
    }
}
