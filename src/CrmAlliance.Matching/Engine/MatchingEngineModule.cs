using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Matching.Engine;

public static class MatchingEngineModule
{
    /// <summary>
    /// The engine as singletons: the embedded postcode centres, one <see cref="CandidateIndex"/> (the consumers write
    /// to it, matches read it) and the <see cref="MatchingEngine"/>, with <see cref="MatchingOptions"/> bound from the
    /// section "Matching" and validated when the host starts.
    /// </summary>
    public static IServiceCollection AddMatchingEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MatchingOptions>, MatchingOptionsValidator>();
        services.AddSingleton(_ => PostcodeCentres.LoadEmbedded());
        services.AddSingleton<CandidateIndex>();
        services.AddSingleton<MatchingEngine>();
        return services;
    }
}
