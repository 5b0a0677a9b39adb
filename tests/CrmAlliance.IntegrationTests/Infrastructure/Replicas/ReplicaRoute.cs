using System.Net;

namespace CrmAlliance.IntegrationTests.Infrastructure.Replicas;

/// <summary>
/// An Api replica as a load balancer sees it: in rotation until a request to it fails, then out of rotation until its
/// /health/ready answers again.
/// </summary>
public sealed class ReplicaRoute(string name, Uri address)
{
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromMinutes(2);

    private int _down;

    public string Name => name;

    public Uri Address => address;

    public bool IsUp => Volatile.Read(ref _down) == 0;

    public void MarkDown()
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            _ = ProbeUntilReadyAsync();
        }
    }

    private async Task ProbeUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + ProbeLimit;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Still down.
            }

            await Task.Delay(200);
        }

        Volatile.Write(ref _down, 0);
    }
}
