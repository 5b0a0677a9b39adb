using CrmAlliance.Api.Features.Matches.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Bus;
using CrmAlliance.Matching;
using CrmAlliance.Matching.Loading;
using MassTransit;

namespace CrmAlliance.Api.Features.Matches;

public static class MatchesModule
{
    /// <summary>
    /// Match suggestions: the consumer that stores the matching service's suggestions, the decisions on them, the
    /// candidate snapshot the matching workers load, and their GraphQL fields. Matching itself runs in this process
    /// unless <c>Matching:InProcess=false</c> (the default with RabbitMQ, where the worker does it).
    /// </summary>
    public static IServiceCollection AddMatches(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MatchQueries>();
        services.AddScoped<DecideMatchHandler>();
        services.AddScoped<CandidateSnapshotQueries>();
        services.AddSingleton<MatchesSchema>();
        services.AddSingleton<ISchemaContributor>(sp => sp.GetRequiredService<MatchesSchema>());
        services.AddSingleton<INodeResolver>(sp => sp.GetRequiredService<MatchesSchema>());
        services.AddOptions<MatchingServiceOptions>().Bind(configuration.GetSection(MatchingServiceOptions.Section));
        services.AddBusConsumers(x => x.AddConsumer<VacancyMatchedConsumer, VacancyMatchedConsumerDefinition>());

        var matchingInProcess = configuration.GetValue("Matching:InProcess", configuration.ReadBusOptions().Transport == BusTransportKind.InMemory);
        if (matchingInProcess)
        {
            services.AddMatchingService(configuration);
            services.AddSingleton<ICandidateSnapshotSource, DatabaseCandidateSnapshotSource>();
            var matching = configuration.GetSection(MatchingServiceOptions.Section).Get<MatchingServiceOptions>() ?? new MatchingServiceOptions();
            services.AddBusConsumers(x => x.AddMatchingConsumers(matching.InstanceName));
        }

        return services;
    }
}
