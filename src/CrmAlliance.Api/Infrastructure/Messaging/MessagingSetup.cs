using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Bus;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
            // The publish observer on the host: one connected to the built bus misses what consumers publish.
            x.UseConfiguredTransport(configuration.ReadBusOptions(), (context, cfg) => cfg.ConnectPublishObserver(context.GetRequiredService<InMemoryDeliveryObserver>()));
        });
        if (configuration.ReadBusOptions().Transport == BusTransportKind.InMemory)
        {
            services.AddInMemoryDelivery();
        }

        return services;
    }

    /// <summary>
    /// With the in-memory bus an outbox row is delivered once its consumers have committed its effect, not when
    /// it is on the bus (<see cref="InMemoryDeliveringPublisher"/>). Each consumer type has a receive endpoint of
    /// its own (its definition names it), so the endpoints subscribed to a message are the consumer types
    /// registered for it.
    /// </summary>
    private static void AddInMemoryDelivery(this IServiceCollection services)
    {
        var endpoints = services
            .Select(d => d.ImplementationType ?? d.ServiceType)
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IConsumer).IsAssignableFrom(t))
            .Distinct()
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
            .GroupBy(i => i.GetGenericArguments()[0])
            .ToDictionary(g => g.Key, g => g.Count());
        services.AddSingleton(new InMemoryDeliveryTracker(endpoints));
        services.AddSingleton<InMemoryDeliveryObserver>();
        services.AddReceiveObserver(provider => provider.GetRequiredService<InMemoryDeliveryObserver>());
        services.Replace(ServiceDescriptor.Singleton<IEventPublisher, InMemoryDeliveringPublisher>());
    }

    private sealed record FeatureConsumers(Action<IBusRegistrationConfigurator> Register);

    private sealed class BusBuilt;
}
