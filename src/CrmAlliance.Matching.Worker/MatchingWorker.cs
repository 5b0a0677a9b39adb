using CrmAlliance.Bus;
using CrmAlliance.Bus.Telemetry;
using CrmAlliance.Matching.Loading;
using MassTransit;

namespace CrmAlliance.Matching.Worker;

/// <summary>
/// The worker host: <c>dotnet run --project src/CrmAlliance.Matching.Worker</c>. It consumes candidate and
/// vacancy events from RabbitMQ (in-memory only makes sense inside the Api), loads its index from the
/// Api's snapshot, and answers <c>/health/live</c> and <c>/health/ready</c> (index loaded, broker connected).
/// </summary>
public static class MatchingWorker
{
    public static async Task Main(string[] args)
    {
        using var app = Build(args);
        await app.RunAsync();
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var bus = builder.Configuration.ReadBusOptions();
        if (bus.Transport != BusTransportKind.RabbitMq)
        {
            throw new InvalidOperationException("The matching worker needs Bus:Transport=RabbitMq (with Bus:RabbitMq:Host etc.): with the in-memory bus, matching runs inside the Api and no worker is needed.");
        }

        var service = builder.Configuration.GetSection(MatchingServiceOptions.Section).Get<MatchingServiceOptions>() ?? new MatchingServiceOptions();
        builder.Services.AddMatchingService(builder.Configuration);
        builder.Services.AddHttpClient<ICandidateSnapshotSource, HttpCandidateSnapshotSource>();
        builder.Services.AddHealthChecks().AddCheck<IndexLoadedCheck>("candidate-index", tags: ["ready"]);
        builder.AddCrmTelemetry("crmalliance-matching");
        builder.Services.AddMassTransit(x =>
        {
            x.AddMatchingConsumers(service.InstanceName);
            x.UseConfiguredTransport(bus);
        });

        var app = builder.Build();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapGet("/", () => Results.Text("CrmAlliance matching worker. Health: /health/ready."));
        return app;
    }
}
