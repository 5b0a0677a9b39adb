using System.Globalization;
using System.Runtime.CompilerServices;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.Matching;
using CrmAlliance.Matching.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Matches;

/// <summary>
/// The candidate pool as matching needs it: only the attributes it scores on, no case reference,
/// withdrawn and erased candidates left out, paged by id. Each row carries its <c>UpdatedAt</c>, the same time the
/// candidate events carry, so the matcher can merge snapshot and events in any order, and the periods the candidate's
/// placements hold them, by the overlap rule's own definition (<see cref="CandidateOverlapCheck.BusyPeriodsAsync"/>).
/// </summary>
public sealed class CandidateSnapshotQueries(CrmDbContext db, AuditTrail audit)
{
    public const int MaxPageSize = 10_000;

    public async Task<CandidateSnapshotPage> PageAsync(Guid? after, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var candidates = db.Candidates.AsNoTracking().Where(c => c.WithdrawnAt == null && c.ErasedAt == null);
        if (after is { } last)
        {
            candidates = candidates.Where(c => c.Id.CompareTo(last) > 0);
        }

        var rows = await candidates.OrderBy(c => c.Id).Take(limit)
            .Select(c => new { c.Id, c.TargetGroup, c.SoughtOccupations, c.Skills, c.EducationLevel, c.Postcode, c.AvailableFrom, c.UpdatedAt })
            .ToListAsync(cancellationToken);
        var busy = await db.BusyPeriodsAsync([.. rows.Select(c => c.Id)], cancellationToken);
        var items = rows.Select(c => new CandidateProfile(
            c.Id, c.TargetGroup.ToString(), c.SoughtOccupations, c.Skills, c.EducationLevel.ToString(), c.Postcode, c.AvailableFrom, c.UpdatedAt, [.. busy[c.Id].Select(CandidatePlacements.ToContract)]))
            .ToList();

        // One entry per page the matching worker (or the in-process matcher) reads: a system read of candidate data.
        var details = string.Create(CultureInfo.InvariantCulture, $"matching snapshot after={after?.ToString() ?? "start"} limit={limit}");
        await audit.RecordReadAsync(null, "CandidateSnapshot", [], details, items.Count, cancellationToken);
        return new(items, rows.Count == limit ? rows[^1].Id : null);
    }
}

/// <summary>Matching hosted in the Api reads the snapshot straight from the database, in its own scope.</summary>
public sealed class DatabaseCandidateSnapshotSource(IServiceScopeFactory scopes) : ICandidateSnapshotSource
{
    public async IAsyncEnumerable<CandidateProfile> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var page = await scope.ServiceProvider.GetRequiredService<CandidateSnapshotQueries>().PageAsync(after, CandidateSnapshotProtocol.PageSize, cancellationToken);
            foreach (var candidate in page.Items)
            {
                yield return candidate;
            }

            after = page.Next;
        }
        while (after is not null);
    }
}

public static class CandidateSnapshotEndpoint
{
    /// <summary>
    /// <c>GET /matching/candidate-snapshot?after={id}&amp;limit={n}</c> for matching workers, answered only
    /// to the <c>X-Matching-Key</c> header equal to <c>Matching:SnapshotKey</c>; 404 when no key is set.
    /// </summary>
    public static void MapCandidateSnapshot(this IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/matching/candidate-snapshot", async (HttpContext http, Guid? after, int? limit, IOptions<MatchingServiceOptions> options, CandidateSnapshotQueries queries) =>
        {
            var key = options.Value.SnapshotKey;
            if (string.IsNullOrEmpty(key))
            {
                return Results.NotFound();
            }

            var given = http.Request.Headers[CandidateSnapshotProtocol.KeyHeader].ToString();
            if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(key)))
            {
                return Results.Unauthorized();
            }

            return Results.Ok(await queries.PageAsync(after, limit ?? CandidateSnapshotProtocol.PageSize, http.RequestAborted));
        });
}
