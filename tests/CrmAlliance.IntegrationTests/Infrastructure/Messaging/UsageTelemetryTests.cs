using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.Matching.Worker;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmAlliance.IntegrationTests.Infrastructure.Messaging;

/// <summary>Nothing leaves for the outside at run time: MassTransit's usage telemetry is off in every host with a bus.</summary>
public sealed class UsageTelemetryTests
{
    [Fact]
    public void The_Api_bus_sends_no_usage_telemetry()
    {
        using var api = new CrmApiFactory();
        Assert.False(api.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }

    [Fact]
    public async Task The_matching_worker_bus_sends_no_usage_telemetry()
    {
        // Built, not started: no broker is needed to read its registration.
        await using var worker = MatchingWorker.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bus:Transport"] = "RabbitMq",
                ["Bus:RabbitMq:Host"] = "127.0.0.1",
            });
        });
        Assert.False(worker.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
