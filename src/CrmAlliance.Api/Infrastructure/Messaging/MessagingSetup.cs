using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Matching.Bus;
using MassTransit;

namespace CrmAlliance.Api.Infrastructure.Messaging;

public static class MessagingSetup
{
    /// <summary>
    /// The bus (in-memory by default, RabbitMQ with <c>Bus:Transport=RabbitMq</c>), the outbox
    /// dispatcher, the inbox, and the Api's consumers.
    /// </summary>
    public static IServiceCollection AddCrmMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var bus = configuration.ReadBusOptions();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<Inbox>();
        services.AddSingleton<IEventPublisher, MassTransitEventPublisher>();
        services.AddHostedService<OutboxDispatcherService>();
        services.AddScoped<BusStatusQueries>();
        services.AddSingleton<ISchemaContributor, BusStatusSchema>();
        services.AddMassTransit(x =>
        {
            x.AddConsumer<VacancyMatchedConsumer, VacancyMatchedConsumerDefinition>();
            x.AddConsumer<ConsumerFaultRecorder, ConsumerFaultRecorderDefinition>();
            x.UseConfiguredTransport(bus);
        });
        return services;
    }
}
