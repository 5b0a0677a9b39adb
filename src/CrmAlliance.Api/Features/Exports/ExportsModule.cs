using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Infrastructure.Http;

namespace CrmAlliance.Api.Features.Exports;

public static class ExportsModule
{
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddScoped<IRawRowTable, CompaniesExport>();
        services.AddScoped<IRawRowTable, VacanciesExport>();
        services.AddScoped<IRawRowTable, PlacementsExport>();
        services.AddScoped<IRawRowTable, OutcomesExport>();
        services.AddScoped<IRawRowTable, ContactsExport>();
        services.AddScoped<IRawRowTable, PledgesExport>();
        services.AddScoped<RawRowExports>();
        return services;
    }

    /// <summary>
    /// <c>GET /exports/{table}.csv?period=2025[&amp;separator=semicolon]</c> for companies, vacancies, placements,
    /// outcomes, contacts and pledges (columns: ExportColumns.md). Signed in with the bearer token or the
    /// cookie; Managers and Admins only. Refusals are problem bodies with the core's code and field.
    /// </summary>
    public static IEndpointRouteBuilder MapRawRowExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/{table}.csv", async (HttpContext http, string table, string? period, string? separator, RawRowExports exports, AuditTrail audit) =>
        {
            RawRowExport export;
            try
            {
                export = exports.Open(table, period, separator, Actor.FromPrincipal(http.User));
            }
            catch (CrmException refusal)
            {
                if (refusal is UnauthenticatedException)
                {
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                }

                await CrmProblems.For(refusal).ExecuteAsync(http);
                return;
            }

            http.Response.ContentType = RawRowExport.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName}\"";
            http.Response.Headers.CacheControl = "no-store";
            var rows = await export.WriteAsync(http.Response.Body, http.RequestAborted);
            if (export.HoldsCandidateData)
            {
                // One entry per download, with the filter and row count; written after the stream, whatever the client did.
                await audit.RecordReadAsync(Actor.FromPrincipal(http.User), "Export", [], export.Description, rows, CancellationToken.None);
            }
        });
        return endpoints;
    }
}
