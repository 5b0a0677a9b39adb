using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Csv;
using CrmAlliance.Api.Infrastructure.Http;

namespace CrmAlliance.Api.Features.Audit;

/// <summary>
/// <c>GET /audit/entries.csv?user=…&amp;entityType=…&amp;entityId=…&amp;candidate=…&amp;from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>:
/// the entries a search finds, newest first, as CSV (Admins; refusals are problem bodies with the core's code).
/// </summary>
public static class AuditExport
{
    public static readonly string[] Columns =
        ["sequence", "at", "actor_user_id", "actor_email", "actor_role", "action", "entity_type", "entity_id", "candidate_id", "changes", "details", "row_count", "sealed"];

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/audit/entries.csv", async (HttpContext http, string? user, string? entityType, string? entityId, string? candidate, string? from, string? to, AuditQueries queries, AuditTrail trail) =>
        {
            var actor = Actor.FromPrincipal(http.User);
            AuditFilter filter;
            try
            {
                AuditQueries.RequireSearcher(actor);
                filter = new AuditFilter(user, entityType, entityId, candidate, Day(from, "from"), Day(to, "to"));
                AuditQueries.Validate(filter);
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

            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"audit.csv\"";
            http.Response.Headers.CacheControl = "no-store";
            var rows = 0;
            await using (var csv = new CsvExportWriter(http.Response.Body, ',', byteOrderMark: true))
            {
                await csv.WriteRowAsync(Columns, http.RequestAborted);
                await foreach (var e in queries.ExportAsync(filter, actor!, http.RequestAborted))
                {
                    await csv.WriteRowAsync(Row(e), http.RequestAborted);
                    rows++;
                }

                await csv.FlushAsync(http.RequestAborted);
            }

            // The export holds candidate data (decrypted values): it is itself a read to record.
            await trail.RecordReadAsync(actor, "AuditEntry", [], Describe(filter), rows, CancellationToken.None);
        });
        return endpoints;
    }

    public static object?[] Row(AuditEntryView e) =>
    [
        e.Sequence, AuditQueries.LocalTime(e.At), e.ActorUserId, e.ActorEmail, e.ActorRole, e.Action.ToString(), e.EntityType, e.EntityId, e.CandidateId?.ToString(),
        string.Join("; ", e.Changes.Select(c => $"{c.Field}: {c.Old ?? "–"} → {c.New ?? "–"}")), e.Details, e.RowCount, e.Sealed ? "yes" : "no",
    ];

    public static string Describe(AuditFilter f) => string.Join(
        ' ',
        new[] { ("user", f.User), ("entityType", f.EntityType), ("entityId", f.EntityId), ("candidate", f.CandidateReference), ("from", f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", f.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={p.Item2}"));

    /// <summary>A day written YYYY-MM-DD; anything else is VALIDATION on the parameter.</summary>
    public static DateOnly? Day(string? text, string field)
        => string.IsNullOrWhiteSpace(text) ? null
            : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw new ValidationException(field, RefusalText.Of("Audit.NotADay"));
}
