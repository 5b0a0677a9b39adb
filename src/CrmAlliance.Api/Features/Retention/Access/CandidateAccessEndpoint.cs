using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Http;

namespace CrmAlliance.Api.Features.Retention.Access;

public static class CandidateAccessEndpoint
{
    /// <summary>
    /// <c>GET /admin/indsigt.json?reference=…</c>: the access report as a JSON download (the printable page links to it);
    /// the core's refusals as problem answers.
    /// </summary>
    public static IEndpointRouteBuilder MapCandidateAccessDownload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/indsigt.json", async (HttpContext http, string? reference, CandidateAccessQuery query) =>
        {
            CandidateAccessReport report;
            try
            {
                var actor = Actor.FromPrincipal(http.User) ?? throw new UnauthenticatedException();
                report = await query.ReportAsync(reference, actor, http.RequestAborted);
            }
            catch (CrmException refusal)
            {
                await CrmProblems.For(refusal).ExecuteAsync(http);
                return;
            }

            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"indsigt-{report.Candidate.Id:N}.json\"";
            http.Response.Headers.CacheControl = "no-store";
            await http.Response.WriteAsync(CandidateAccessQuery.ToJson(report), http.RequestAborted);
        });
        return endpoints;
    }
}
