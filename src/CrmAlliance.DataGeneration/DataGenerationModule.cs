namespace CrmAlliance.DataGeneration;

public static class DataGenerationModule
{
    /// <summary>The generator, the seed command and its one <see cref="IAfterSeed"/> step, the yield rebuild; added to the Api's services.</summary>
    public static IServiceCollection AddDataGeneration(this IServiceCollection services)
    {
        services.AddScoped<SyntheticDataGenerator>();
        services.AddSingleton<SeedCommand>();
        services.AddScoped<IAfterSeed, RebuildYieldAfterSeed>();
        return services;
    }
}
