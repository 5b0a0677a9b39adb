using CrmAlliance.Api.Infrastructure.Commands;

namespace CrmAlliance.Api.Features.Synthetic;

public static class SyntheticDataModule
{
    /// <summary>The <c>seed</c> command and its generator; <see cref="IAfterSeed"/> steps are registered by the features that need them.</summary>
    public static IServiceCollection AddSyntheticData(this IServiceCollection services)
    {
        services.AddScoped<SyntheticDataGenerator>();
        services.AddSingleton<ICliCommand, SeedCommand>();
        return services;
    }
}
