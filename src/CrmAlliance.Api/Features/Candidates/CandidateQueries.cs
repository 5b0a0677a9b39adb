using System.Globalization;
using System.Linq.Expressions;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Candidates;

public sealed record CandidateView(
    Guid Id,
    string CaseReference,
    string DisplayAlias,
    TargetGroup TargetGroup,
    IReadOnlyList<string> SoughtOccupations,
    IReadOnlyList<string> Skills,
    EducationLevel EducationLevel,
    bool HasWorkExperience,
    string Postcode,
    DateOnly AvailableFrom,
    string? LastEmployerCvr,
    DateTimeOffset CreatedAt,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason,
    int Version);

public sealed record CandidateFilter(
    IReadOnlyList<TargetGroup>? TargetGroups = null,
    string? OccupationCodePrefix = null,
    string? Postcode = null,
    DateOnly? AvailableBy = null,
    bool? IncludeWithdrawn = null);

/// <summary>
/// Reads of candidates: jobcenter staff only. Company users never see candidates here; they meet them
/// only by display alias on their own placements.
/// </summary>
public sealed class CandidateQueries(CrmDbContext db, AuditTrail audit)
{
    /// <summary>Refuses anyone but Consultants, Managers and Admins.</summary>
    public static void RequireReader(Actor actor) => actor.Require(Role.Consultant, Role.Manager, Role.Admin);

    public async Task<Page<CandidateView>> ListAsync(CandidateFilter filter, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        RequireReader(actor);
        var query = db.Candidates.AsNoTracking();
        if (filter.IncludeWithdrawn != true)
        {
            query = query.Where(c => c.WithdrawnAt == null);
        }

        if (filter.TargetGroups is { Count: > 0 } groups)
        {
            query = query.Where(c => groups.Contains(c.TargetGroup));
        }

        if (!string.IsNullOrWhiteSpace(filter.OccupationCodePrefix))
        {
            var prefix = filter.OccupationCodePrefix.Trim();
            query = query.Where(c => c.SoughtOccupations.Any(o => o.StartsWith(prefix)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Postcode))
        {
            var postcode = filter.Postcode.Trim();
            query = query.Where(c => c.Postcode == postcode);
        }

        if (filter.AvailableBy is { } availableBy)
        {
            query = query.Where(c => c.AvailableFrom <= availableBy);
        }

        var found = await query.OrderBy(c => c.AvailableFrom).ThenBy(c => c.Id).Select(ToView).ToPageAsync(page, cancellationToken);
        await audit.RecordReadAsync(actor, nameof(Candidate), [], Describe(filter, page, found.TotalCount), found.Items.Count, cancellationToken);
        return found;
    }

    /// <summary>The list's filter as the audit trail records it (no personal values: groups, codes, postcode, days).</summary>
    private static string Describe(CandidateFilter filter, PageRequest page, int total) => string.Join(' ', new[]
    {
        filter.TargetGroups is { Count: > 0 } groups ? "targetGroups=" + string.Join(',', groups) : null,
        string.IsNullOrWhiteSpace(filter.OccupationCodePrefix) ? null : "occupation=" + filter.OccupationCodePrefix.Trim(),
        string.IsNullOrWhiteSpace(filter.Postcode) ? null : "postcode=" + filter.Postcode.Trim(),
        filter.AvailableBy is { } by ? "availableBy=" + by.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        filter.IncludeWithdrawn == true ? "includeWithdrawn" : null,
        string.Create(CultureInfo.InvariantCulture, $"offset={page.Offset} total={total}"),
    }.Where(p => p is not null));

    public async Task<IReadOnlyDictionary<Guid, CandidateView>> GetByIdsAsync(IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken)
    {
        RequireReader(actor);
        var found = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(ToView).ToDictionaryAsync(c => c.Id, cancellationToken);
        if (found.Count > 0)
        {
            await audit.RecordReadAsync(actor, nameof(Candidate), [.. found.Keys], null, found.Count, cancellationToken);
        }

        return found;
    }

    private static readonly Expression<Func<Candidate, CandidateView>> ToView = c => new CandidateView(
        c.Id, c.CaseReference, c.DisplayAlias, c.TargetGroup, c.SoughtOccupations, c.Skills, c.EducationLevel, c.HasWorkExperience,
        c.Postcode, c.AvailableFrom, c.LastEmployerCvr, c.CreatedAt, c.WithdrawnAt, c.WithdrawalReason, c.Version);
}

public static class CandidateMapping
{
    public static CandidateView ToView(this Candidate c) => new(
        c.Id, c.CaseReference, c.DisplayAlias, c.TargetGroup, c.SoughtOccupations.ToList(), c.Skills.ToList(), c.EducationLevel, c.HasWorkExperience,
        c.Postcode, c.AvailableFrom, c.LastEmployerCvr, c.CreatedAt, c.WithdrawnAt, c.WithdrawalReason, c.Version);
}
