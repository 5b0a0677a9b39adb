using CrmAlliance.Matching.Consumers;
using CrmAlliance.Matching.Engine;
using CrmAlliance.Matching.Loading;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmAlliance.Matching;

public static class MatchingRegistration
{
    /// <summary>
    /// The engine, this instance's candidate index, its loader and readiness. The caller registers an
    /// <see cref="ICandidateSnapshotSource"/>: HTTP in the worker, the database in the Api.
    /// </summary>
    public static IServiceCollection AddMatchingService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMatchingEngine(configuration);
        services.AddOptions<MatchingServiceOptions>().Bind(configuration.GetSection(MatchingServiceOptions.Section));
        services.AddSingleton<IndexReadiness>();
        services.AddSingleton<RecentMatches>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<CandidateIndexLoader>();
        return services;
    }

    /// <summary>The matching consumers; <paramref name="instanceName"/> names this instance's own candidate queue.</summary>
    public static void AddMatchingConsumers(this IBusRegistrationConfigurator bus, string instanceName)
    {
        bus.AddConsumer<CandidateIndexConsumer, CandidateIndexConsumerDefinition>()
            .Endpoint(e => e.Name = $"matching-candidates-{instanceName}");
        bus.AddConsumer<VacancyMatchingConsumer, VacancyMatchingConsumerDefinition>();
    }
}
