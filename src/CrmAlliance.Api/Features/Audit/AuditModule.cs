using CrmAlliance.Api.Features.Audit.Graph;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.DI;

namespace CrmAlliance.Api.Features.Audit;

public static class AuditModule
{
    /// <summary>The audit trail: the save interceptor, the reading and bulk API, the sealer, verify-audit and the Admins' search.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddHttpContextAccessor();
        services.AddSaveChangesInterceptor<AuditSaveInterceptor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditSealer>();
        services.AddHostedService<AuditSealerService>();
        services.AddSingleton<AuditReadLog>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditReadLog>());
        services.AddScoped<ICliCommand, VerifyAuditCommand>();
        services.AddScoped<AuditQueries>();
        services.AddSingleton<ISchemaContributor, AuditSchema>();
        return services;
    }
}
