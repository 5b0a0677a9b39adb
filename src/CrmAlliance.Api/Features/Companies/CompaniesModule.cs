using CrmAlliance.Api.Features.Companies.Graph;
using CrmAlliance.Api.Features.Companies.Import;
using CrmAlliance.Api.Features.Companies.Import.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.Api.Features.Companies;

public static class CompaniesModule
{
    /// <summary>Companies, their workplaces and contact persons, the company import, and their GraphQL fields.</summary>
    public static IServiceCollection AddCompanies(this IServiceCollection services)
    {
        services.AddScoped<CompanyQueries>();
        services.AddScoped<RegisterCompanyHandler>();
        services.AddScoped<UpdateCompanyHandler>();
        services.AddScoped<SaveWorkplaceHandler>();
        services.AddScoped<SaveCompanyContactHandler>();
        services.AddScoped<RemoveCompanyContactHandler>();
        services.AddScoped<ImportCompaniesHandler>();
        services.AddSingleton<CompaniesSchema>();
        services.AddSingleton<ISchemaContributor>(sp => sp.GetRequiredService<CompaniesSchema>());
        services.AddSingleton<INodeResolver>(sp => sp.GetRequiredService<CompaniesSchema>());
        services.AddSingleton<ISchemaContributor, CompanyImportSchema>();
        return services;
    }
}
