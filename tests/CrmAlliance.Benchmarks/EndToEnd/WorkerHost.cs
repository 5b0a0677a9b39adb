using System.Net;
using System.Net.Sockets;
using CrmAlliance.Matching.Worker;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>The matching worker as production runs it (<see cref="MatchingWorker.Build"/>), on Kestrel, with the trace observers on its bus.</summary>
public static class WorkerHost
{
    public static async Task<(WebApplication Worker, Uri BaseAddress)> StartAsync(IReadOnlyDictionary<string, string> settings, VacancyTraces traces, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var worker = MatchingWorker.Build([], builder =>
        {
            builder.WebHost.UseUrls(baseAddress.ToString());
            builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
            builder.Services.AddSingleton(traces);
            builder.Services.AddSingleton<WorkerTraceObserver>();
            builder.Services.AddPublishObserver(provider => provider.GetRequiredService<WorkerTraceObserver>());
            builder.Services.AddConsumeObserver(provider => provider.GetRequiredService<WorkerTraceObserver>());
        });
        await worker.StartAsync(cancellationToken);
        return (worker, baseAddress);
    }

    /// <summary>A port nobody listens on now (the OS picks it); taken again at once by the host that asked.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200 (database, broker connected, index loaded, as the host defines it).</summary>
    public static async Task WaitUntilReadyAsync(string name, Uri baseAddress, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The {name} was not ready at {baseAddress}health/ready within {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
