using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Bus;
using MassTransit;

namespace CrmAlliance.Api.Infrastructure.Messaging;

public static class MessagingSetup
{
    /// <summary>The outbox and its dispatcher, the inbox, and the bus status fields. The bus itself is built by <see cref="AddCrmBus"/>.</summary>
    public static IServiceCollection AddCrmMessaging(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<Inbox>();
        services.AddSingleton<IEventPublisher, MassTransitEventPublisher>();
        services.AddHostedService<OutboxDispatcherService>();
        services.AddScoped<BusStatusQueries>();
        services.AddSingleton<ISchemaContributor, BusStatusSchema>();
        return services;
    }

    /// <summary>
    /// Adds a feature's consumers to the bus. Call it from the feature's module, before <see cref="AddCrmBus"/>
    /// builds the bus.
    /// </summary>
    public static IServiceCollection AddBusConsumers(this IServiceCollection services, Action<IBusRegistrationConfigurator> register)
    {
        if (services.Any(d => d.ServiceType == typeof(BusBuilt)))
        {
            throw new InvalidOperationException("The bus is already built: register a feature's consumers before AddCrmBus.");
        }

        services.AddSingleton(new FeatureConsumers(register));
        return services;
    }

    /// <summary>
    /// The bus (in-memory by default, RabbitMQ with <c>Bus:Transport=RabbitMq</c>) with every consumer the
    /// features registered through <see cref="AddBusConsumers"/>, and the recorder of consumers' faults.
    /// Call it after the features' modules.
    /// </summary>
    public static IServiceCollection AddCrmBus(this IServiceCollection services, IConfiguration configuration)
    {
        var featureConsumers = services
            .Where(d => d.ServiceType == typeof(FeatureConsumers))
            .Select(d => (FeatureConsumers)d.ImplementationInstance!)
            .ToList();
        services.AddSingleton<BusBuilt>();
        services.AddMassTransit(x =>
        {
            foreach (var consumers in featureConsumers)
            {
                consumers.Register(x);
            }

            x.AddConsumer<ConsumerFaultRecorder, ConsumerFaultRecorderDefinition>();
            x.UseConfiguredTransport(configuration.ReadBusOptions());
        });
        return services;
    }

    private sealed record FeatureConsumers(Action<IBusRegistrationConfigurator> Register);

    private sealed class BusBuilt;
}
