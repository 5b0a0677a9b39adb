using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Retention.Access;
using CrmAlliance.Api.Features.Retention.Graph;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.GraphQL;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmAlliance.Api.Features.Retention;

public static class RetentionModule
{
    /// <summary>
    /// Retention and the right of access: erasing candidates whose retention period ran out (the daily job and
    /// <c>erase-expired</c>), erasing contact persons on request, and the access report (GraphQL, page, download,
    /// <c>candidate-access</c>).
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.CandidateYears >= 1, "Retention:CandidateYears must be at least 1.")
            .ValidateOnStart();
        services.AddScoped<CandidateEraser>();
        services.AddScoped<EraseExpiredCandidatesHandler>();
        services.AddScoped<EraseCompanyContactHandler>();
        services.AddScoped<CandidateAccessQuery>();

        services.AddScoped<ICandidateAuditEntries, AuditTrailCandidateEntries>();
        services.TryAddScoped<CommandLineActors>();
        services.AddSingleton<ISchemaContributor, RetentionSchema>();
        services.AddSingleton<ICliCommand, EraseExpiredCommand>();
        services.AddSingleton<ICliCommand, CandidateAccessCommand>();
        if (configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>()?.JobEnabled ?? true)
        {
            services.AddHostedService<RetentionJobService>();
        }

        return services;
    }
}
