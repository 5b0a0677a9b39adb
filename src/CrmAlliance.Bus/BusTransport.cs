using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmAlliance.Bus;

public static class BusTransport
{
    public static BusOptions ReadBusOptions(this IConfiguration configuration)
        => configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();

    /// <summary>
    /// The transport from configuration: in-memory, or RabbitMQ with host, virtual host, user and password.
    /// Queues are named after their consumers' endpoint definitions (kebab case). <paramref name="configureInMemory"/>
    /// adds to the in-memory bus's configuration (observers that must reach every receive endpoint).
    /// Every host's bus is registered here, so this is where MassTransit's usage telemetry is turned off.
    /// </summary>
    public static void UseConfiguredTransport(this IBusRegistrationConfigurator bus, BusOptions options, Action<IBusRegistrationContext, IBusFactoryConfigurator>? configureInMemory = null)
    {
        bus.SetKebabCaseEndpointNameFormatter();

        // Nothing is sent outside at run time: MassTransit 8.5 would otherwise report usage to usage-tracking.masstransit.io.
        bus.DisableUsageTelemetry();

        // /health/ready reports the bus: unhealthy (503) while the broker cannot be reached.
        bus.ConfigureHealthCheckOptions(health =>
        {
            health.Name = "bus";
            health.MinimalFailureStatus = HealthStatus.Unhealthy;
            health.Tags.Add("ready");
        });
        if (options.Transport == BusTransportKind.RabbitMq)
        {
            var rabbit = options.RabbitMq;
            if (rabbit.QuorumQueues)
            {
                // Every consumer queue (the error and skipped queues MassTransit adds stay classic: they are parking lots).
                bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator queue)
                    {
                        queue.SetQuorumQueue();
                    }
                });
            }

            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, host =>
                {
                    host.Username(rabbit.Username);
                    host.Password(rabbit.Password);
                    host.PublisherConfirmation = rabbit.PublisherConfirmation;
                });
                cfg.PrefetchCount = rabbit.PrefetchCount;
                if (rabbit.ConcurrentMessageLimit is { } limit)
                {
                    cfg.ConcurrentMessageLimit = limit;
                }

                cfg.ConfigureEndpoints(context);
            });
        }
        else
        {
            bus.UsingInMemory((context, cfg) =>
            {
                configureInMemory?.Invoke(context, cfg);
                cfg.ConfigureEndpoints(context);
            });
        }
    }
}
