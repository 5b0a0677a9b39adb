using CrmAlliance.Api.Features.Vacancies.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.Api.Features.Vacancies;

public static class VacanciesModule
{
    public static IServiceCollection AddVacancies(this IServiceCollection services)
    {
        services.AddScoped<VacancyQueries>();
        services.AddScoped<VacancyValidation>();
        services.AddScoped<PostVacancyHandler>();
        services.AddScoped<UpdateVacancyHandler>();
        services.AddScoped<ChangeVacancyStatusHandler>();
        services.AddScoped<ExpireOverdueVacanciesHandler>();
        services.AddHostedService<VacancyExpiryService>();
        services.AddSingleton<VacanciesSchema>();
        services.AddSingleton<ISchemaContributor>(sp => sp.GetRequiredService<VacanciesSchema>());
        services.AddSingleton<INodeResolver>(sp => sp.GetRequiredService<VacanciesSchema>());
        return services;
    }
}
