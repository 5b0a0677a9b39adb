using System.Diagnostics;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>Waiting for work the host does in the background (the outbox, the bus, hosted services).</summary>
public static class Polling
{
    /// <summary>
    /// Checks <paramref name="condition"/> until it holds, every <paramref name="interval"/> (100 ms unless given);
    /// throws a <see cref="TimeoutException"/> naming <paramref name="what"/> once <paramref name="timeout"/> (30 s unless given) has passed.
    /// </summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }
    }
}
