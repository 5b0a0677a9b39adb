using CrmAlliance.Api.Features.ContactLogs.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.Api.Features.ContactLogs;

public static class ContactLogsModule
{
    public static IServiceCollection AddContactLogs(this IServiceCollection services)
    {
        services.AddScoped<ContactLogQueries>();
        services.AddScoped<LogContactHandler>();
        services.AddScoped<CompleteFollowUpHandler>();
        services.AddSingleton<ContactLogsSchema>();
        services.AddSingleton<ISchemaContributor>(sp => sp.GetRequiredService<ContactLogsSchema>());
        services.AddSingleton<INodeResolver>(sp => sp.GetRequiredService<ContactLogsSchema>());
        return services;
    }
}
