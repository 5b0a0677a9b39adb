using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Placements;

/// <summary>
/// A placement as its reader may see it: <see cref="Candidate"/> is null for company users. The approval's fields come
/// last and are optional, as they are null until approved (and for placements approved before they were recorded).
/// </summary>
public sealed record PlacementView(
    Guid Id,
    int Version,
    Guid CompanyId,
    Guid WorkplaceId,
    Guid? VacancyId,
    string CandidateAlias,
    PlacementCandidate? Candidate,
    OfferKind OfferKind,
    InternshipPurpose? Purpose,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    DateOnly? ActualStart,
    DateOnly? ActualEnd,
    PlacementStatus Status,
    string? EndReason,
    EmployeeRepStatementView? EmployeeRepStatement,
    WageSubsidyConfirmationView? WageSubsidyConfirmation,
    DateTimeOffset CreatedAt,
    string? ApprovedBy = null,
    DateTimeOffset? ApprovedAt = null);

/// <summary>What staff see of the placement's candidate.</summary>
public sealed record PlacementCandidate(Guid Id, TargetGroup TargetGroup);

public sealed record EmployeeRepStatementView(string RepresentativeName, DateOnly GivenOn, bool IsPositive, string? Comment, string RecordedBy);

public sealed record WageSubsidyConfirmationView(int HeadcountLastMonth, decimal AverageHeadcount12Months, bool NoDismissalWithin3Months, string ConfirmedBy, DateTimeOffset ConfirmedAt);

public sealed record RuleExemptionView(Guid Id, Guid PlacementId, PlacementRule Rule, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

public enum PlacementSort
{
    PlannedStart,
    PlannedEnd,
    CreatedAt,
}

public sealed record PlacementFilter(
    IReadOnlyList<PlacementStatus>? Statuses = null,
    IReadOnlyList<OfferKind>? OfferKinds = null,
    Guid? CompanyId = null,
    DateOnly? PeriodFrom = null,
    DateOnly? PeriodTo = null);

/// <summary>
/// Reads of placements with access applied: staff read all; a company user reads its own company's
/// placements and sees the candidate only by display alias.
/// </summary>
public sealed class PlacementQueries(CrmDbContext db)
{
    private sealed record Row(Placement Placement, string CandidateAlias, TargetGroup TargetGroup);

    public async Task<Page<PlacementView>> ListAsync(PlacementFilter filter, PlacementSort sort, bool descending, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        new Validator()
            .Check(filter.PeriodFrom is null || filter.PeriodTo is null || filter.PeriodFrom <= filter.PeriodTo, "filter.periodTo", RefusalText.Of("Placements.PeriodToBeforeFrom"))
            .ThrowIfInvalid();
        var placements = VisibleTo(actor);
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            placements = placements.Where(p => statuses.Contains(p.Status));
        }

        if (filter.OfferKinds is { Count: > 0 } kinds)
        {
            placements = placements.Where(p => kinds.Contains(p.OfferKind));
        }

        if (filter.CompanyId is { } companyId)
        {
            placements = placements.Where(p => p.CompanyId == companyId);
        }

        // A placement is in the period when its planned period overlaps it.
        if (filter.PeriodFrom is { } from)
        {
            placements = placements.Where(p => p.PlannedEnd >= from);
        }

        if (filter.PeriodTo is { } to)
        {
            placements = placements.Where(p => p.PlannedStart <= to);
        }

        placements = (sort, descending) switch
        {
            (PlacementSort.PlannedEnd, false) => placements.OrderBy(p => p.PlannedEnd).ThenBy(p => p.Id),
            (PlacementSort.PlannedEnd, true) => placements.OrderByDescending(p => p.PlannedEnd).ThenByDescending(p => p.Id),
            (PlacementSort.CreatedAt, false) => placements.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            (PlacementSort.CreatedAt, true) => placements.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            (_, false) => placements.OrderBy(p => p.PlannedStart).ThenBy(p => p.Id),
            _ => placements.OrderByDescending(p => p.PlannedStart).ThenByDescending(p => p.Id),
        };
        var rows = await WithCandidate(placements).ToPageAsync(page, cancellationToken);
        return new Page<PlacementView>(rows.Items.Select(r => ToView(r, actor)).ToList(), rows.TotalCount, rows.Offset);
    }

    public async Task<IReadOnlyDictionary<Guid, PlacementView>> GetByIdsAsync(IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken)
    {
        var rows = await WithCandidate(VisibleTo(actor).Where(p => ids.Contains(p.Id))).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Placement.Id, r => ToView(r, actor));
    }

    /// <summary>The placement a mutation just changed, as the actor sees it.</summary>
    public async Task<PlacementView> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken)
        => (await GetByIdsAsync([id], actor, cancellationToken)).GetValueOrDefault(id) ?? throw new NotFoundException("Placement", id);

    public async Task<ILookup<Guid, PlacementView>> ByCompanyAsync(IReadOnlyCollection<Guid> companyIds, IReadOnlyList<PlacementStatus>? statuses, Actor actor, CancellationToken cancellationToken)
    {
        var placements = VisibleTo(actor).Where(p => companyIds.Contains(p.CompanyId));
        if (statuses is { Count: > 0 })
        {
            placements = placements.Where(p => statuses.Contains(p.Status));
        }

        var rows = await WithCandidate(placements.OrderByDescending(p => p.PlannedStart).ThenByDescending(p => p.Id)).ToListAsync(cancellationToken);
        return rows.Select(r => ToView(r, actor)).ToLookup(p => p.CompanyId);
    }

    /// <summary>Exemptions recorded on the placements; for staff only (management and the union side read them).</summary>
    public async Task<ILookup<Guid, RuleExemptionView>> ExemptionsByPlacementAsync(IReadOnlyCollection<Guid> placementIds, Actor actor, CancellationToken cancellationToken)
    {
        RequireExemptionReader(actor);
        var rows = await db.RuleExemptions.AsNoTracking()
            .Where(e => placementIds.Contains(e.PlacementId))
            .OrderBy(e => e.RecordedAt)
            .Select(e => new RuleExemptionView(e.Id, e.PlacementId, e.Rule, e.Reason, e.RecordedBy, e.RecordedAt))
            .ToListAsync(cancellationToken);
        return rows.ToLookup(e => e.PlacementId);
    }

    /// <summary>All exemptions recorded from <paramref name="from"/> to <paramref name="to"/> (UTC days, both included), newest first.</summary>
    public async Task<Page<RuleExemptionView>> ExemptionsAsync(DateOnly? from, DateOnly? to, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        RequireExemptionReader(actor);
        new Validator().Check(from is null || to is null || from <= to, "to", RefusalText.Of("Core.NotBeforeFrom", ("from", from))).ThrowIfInvalid();
        var exemptions = db.RuleExemptions.AsNoTracking();
        if (from is { } first)
        {
            var since = UtcDays.StartOf(first);
            exemptions = exemptions.Where(e => e.RecordedAt >= since);
        }

        if (to is { } last)
        {
            var before = UtcDays.EndOf(last);
            exemptions = exemptions.Where(e => e.RecordedAt < before);
        }

        return await exemptions
            .OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id)
            .Select(e => new RuleExemptionView(e.Id, e.PlacementId, e.Rule, e.Reason, e.RecordedBy, e.RecordedAt))
            .ToPageAsync(page, cancellationToken);
    }

    /// <summary>Exemptions are read by staff: consultants, management and (through them) the union side.</summary>
    public static void RequireExemptionReader(Actor actor) => actor.Require(Role.Admin, Role.Consultant, Role.Manager);

    /// <summary>The candidate behind a placement: staff only. Company users know the candidate by alias alone.</summary>
    public static PlacementCandidate CandidateOf(PlacementView placement, Actor actor)
    {
        if (!actor.IsStaff || placement.Candidate is null)
        {
            throw new ForbiddenException(RefusalText.Of("Placements.CandidateByAliasOnly"));

        }

        return placement.Candidate;
    }

    /// <summary>The placements the actor may read: staff all, a company user its own company's.</summary>
    public IQueryable<Placement> VisibleTo(Actor actor)
    {
        var placements = db.Placements.AsNoTracking();
        return actor.Role == Role.Company ? placements.Where(p => p.CompanyId == actor.CompanyId) : placements;
    }

    private IQueryable<Row> WithCandidate(IQueryable<Placement> placements)
        => placements.Join(db.Candidates, p => p.CandidateId, c => c.Id, (p, c) => new Row(p, c.DisplayAlias, c.TargetGroup));

    private static PlacementView ToView(Row row, Actor actor)
    {
        var p = row.Placement;
        return new PlacementView(
            p.Id,
            p.Version,
            p.CompanyId,
            p.WorkplaceId,
            p.VacancyId,
            row.CandidateAlias,
            actor.IsStaff ? new PlacementCandidate(p.CandidateId, row.TargetGroup) : null,
            p.OfferKind,
            p.Purpose,
            p.PlannedStart,
            p.PlannedEnd,
            p.ActualStart,
            p.ActualEnd,
            p.Status,
            p.EndReason,
            p.EmployeeRepStatement is { } s ? new EmployeeRepStatementView(s.RepresentativeName, s.GivenOn, s.IsPositive, s.Comment, s.RecordedBy) : null,
            p.WageSubsidyConfirmation is { } w ? new WageSubsidyConfirmationView(w.HeadcountLastMonth, w.AverageHeadcount12Months, w.NoDismissalWithin3Months, w.ConfirmedBy, w.ConfirmedAt) : null,
            p.CreatedAt,
            p.ApprovedBy,
            p.ApprovedAt);
    }
}
