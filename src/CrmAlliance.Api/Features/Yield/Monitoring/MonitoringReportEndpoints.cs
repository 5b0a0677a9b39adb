using System.Text;
using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Yield.Monitoring;

/// <summary>
/// <c>GET /reports/monitoring.csv?period=2025[&amp;lang=da]</c> and <c>GET /reports/monitoring.html?period=2025</c>, signed in
/// with the cookie or the bearer token like every other request. The endpoints only translate: the builder
/// decides who may have the report (401 anonymous, 403 other roles) and whether the period is valid (400).
/// </summary>
public static class MonitoringReportEndpoints
{
    public static IEndpointRouteBuilder MapMonitoringReport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/monitoring.csv", (HttpContext http, MonitoringReportBuilder builder) => ServeAsync(http, builder, report =>
        {
            // The web UI's link says which language it was shown in; API clients that say nothing keep the codes.
            var form = MonitoringCsv.FormOf(http.Request.Query["lang"].ToString());
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"monitoring-{report.Period.Label}.csv\"";
            return Results.Bytes(MonitoringCsv.Encode(report, form), "text/csv; charset=utf-8");
        }));
        endpoints.MapGet("/reports/monitoring.html", (HttpContext http, MonitoringReportBuilder builder) => ServeAsync(http, builder, report =>
        {
            // Self-contained by design: nothing may load, run or frame it.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
            return Results.Text(MonitoringHtml.Write(report), "text/html", Encoding.UTF8);
        }));
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(HttpContext http, MonitoringReportBuilder builder, Func<MonitoringReport, IResult> render)
    {
        // Read by hand: a repeated or odd parameter becomes the core's VALIDATION error, not the framework's 400.
        var period = http.Request.Query["period"].ToString();
        try
        {
            var report = await builder.BuildAsync(period, Actor.FromPrincipal(http.User), http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return render(report);
        }
        catch (CrmException ex)
        {
            return Problem(ex);
        }
    }

    /// <summary>The core's refusal as an RFC 9457 problem with the same <c>code</c> and <c>field</c> GraphQL clients get.</summary>
    public static IResult Problem(CrmException ex)
    {
        var status = ex switch
        {
            UnauthenticatedException => StatusCodes.Status401Unauthorized,
            ForbiddenException => StatusCodes.Status403Forbidden,
            ValidationException => StatusCodes.Status400BadRequest,
            NotFoundException => StatusCodes.Status404NotFound,
            ConflictException => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        var extensions = new Dictionary<string, object?> { ["code"] = ex.Code };
        if (ex.Field is not null)
        {
            extensions["field"] = ex.Field;
        }

        if (ex is ValidationException validation)
        {
            extensions["errors"] = validation.Errors.Select(e => new { field = e.Field, message = e.Message }).ToList();
        }

        return Results.Problem(detail: ex.Message, statusCode: status, extensions: extensions);
    }
}
