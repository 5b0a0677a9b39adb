extern alias api;
using System.Security.Claims;
using api::CrmAlliance.Api.Core;
using api::CrmAlliance.Api.Features.Companies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.Lookups;

/// <summary>
/// Endpoints that exist only in the benchmark's host, with the Api's own bearer authentication (its schemes and its
/// security-stamp check): the company look-up as a plain minimal-API endpoint would serve it — the signed-in actor, the
/// core's query with its access check, five fields as JSON — and the signed-in actor alone, which measures what
/// authentication costs before any query. WebApplication offers a startup filter no way to add endpoints to its own
/// routes, so they sit on branches: under <c>/benchmark</c> in front of the Api's pipeline, where they skip its other
/// middleware (security headers, host filtering, the sign-in check, response compression, culture), which only flatters
/// them; and the look-up once more under <c>/benchmark-behind</c> at the pipeline's end, reached after every middleware
/// the Api's own endpoints pass (a path none of them matches falls through to it), as an endpoint of the Api would be.
/// </summary>
public sealed class ComparisonEndpoints : IStartupFilter
{
    public const string CompanyPath = "/benchmark/companies/";
    public const string SignedInPath = "/benchmark/signed-in";
    public const string CompanyBehindPipelinePath = "/benchmark-behind/companies/";

    public static void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter, ComparisonEndpoints>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/benchmark", branch =>
        {
            branch.UseRouting();
            branch.UseAuthentication();
            branch.UseAuthorization();
            branch.UseEndpoints(endpoints =>
            {
                MapCompany(endpoints);
                endpoints.MapGet("/signed-in", (ClaimsPrincipal user) => Actor.FromPrincipal(user) is { } actor ? Results.Ok(new { actor.Role }) : Results.Unauthorized())
                    .RequireAuthorization();
            });
        });
        next(app);

        // The Api's middleware has run (authentication included); this branch only routes and authorizes.
        app.Map("/benchmark-behind", branch =>
        {
            branch.UseRouting();
            branch.UseAuthorization();
            branch.UseEndpoints(endpoints => MapCompany(endpoints));
        });
    };

    private static void MapCompany(IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/companies/{id:guid}", async (Guid id, ClaimsPrincipal user, CompanyQueries companies, CancellationToken cancellationToken) =>
        {
            var actor = Actor.FromPrincipal(user);
            if (actor is null)
            {
                return Results.Unauthorized();
            }

            var company = await companies.GetAsync(id, actor, cancellationToken);
            return Results.Ok(new { company.Id, company.Name, company.Cvr, company.Postcode, company.MembershipStatus });
        }).RequireAuthorization();
}
