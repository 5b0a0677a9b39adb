using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Bus;
using CrmAlliance.Matching;
using CrmAlliance.Matching.Loading;
using MassTransit;

namespace CrmAlliance.Api.Infrastructure.Messaging;

public static class MessagingSetup
{
    /// <summary>
    /// The bus (in-memory by default, RabbitMQ with <c>Bus:Transport=RabbitMq</c>), the outbox
    /// dispatcher, the inbox, and the Api's consumers. Matching runs in this process too unless
    /// <c>Matching:InProcess=false</c> (the default with RabbitMQ, where the worker does it).
    /// </summary>
    public static IServiceCollection AddCrmMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var bus = configuration.ReadBusOptions();
        var matchingInProcess = configuration.GetValue("Matching:InProcess", bus.Transport == BusTransportKind.InMemory);
        services.AddOptions<MatchingServiceOptions>().Bind(configuration.GetSection(MatchingServiceOptions.Section));
        services.AddScoped<CandidateSnapshotQueries>();
        if (matchingInProcess)
        {
            services.AddMatchingService(configuration);
            services.AddSingleton<ICandidateSnapshotSource, DatabaseCandidateSnapshotSource>();
        }

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
            x.AddConsumer<YieldProjectionConsumer, YieldProjectionConsumerDefinition>();
            x.AddConsumer<ConsumerFaultRecorder, ConsumerFaultRecorderDefinition>();
            if (matchingInProcess)
            {
                var matching = configuration.GetSection(MatchingServiceOptions.Section).Get<MatchingServiceOptions>() ?? new MatchingServiceOptions();
                x.AddMatchingConsumers(matching.InstanceName);
            }

            x.UseConfiguredTransport(bus);
        });
        return services;
    }
}
