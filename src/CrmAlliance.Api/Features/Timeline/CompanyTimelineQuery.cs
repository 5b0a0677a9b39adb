using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.Vacancies;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Timeline;

public enum TimelineEntryKind
{
    Contact,
    Vacancy,
    Placement,
    Pledge,
    Outcome,
}

/// <summary>
/// One event in a company's history, at <see cref="At"/>: a contact logged (when it happened), a vacancy created, a
/// placement proposed, a pledge recorded or an outcome recorded. Exactly the view of its <see cref="Kind"/> is set;
/// an outcome comes with its placement.
/// </summary>
public sealed record TimelineEntry(
    TimelineEntryKind Kind,
    Guid Id,
    DateTimeOffset At,
    ContactLogView? Contact = null,
    VacancyView? Vacancy = null,
    PlacementView? Placement = null,
    PledgeView? Pledge = null,
    OutcomeView? Outcome = null);

/// <summary>
/// A company's one timeline, newest first, paged. The features' own visibility applies: a company user reads only
/// its own company (another is refused), never the contact logs, only the outcome at a placement's end, candidates
/// by alias and pledges without the note. Costs a constant number of round trips whatever the page size: the count,
/// the page's keys (one UNION ALL of narrow projections on indexed company columns), and one read per kind on the page
/// through the features' queries.
/// </summary>
public sealed class CompanyTimelineQuery(
    CompanyQueries companies,
    ContactLogQueries contactLogs,
    VacancyQueries vacancies,
    PlacementQueries placements,
    PledgeQueries pledges,
    OutcomeQueries outcomes)
{
    private sealed class Key
    {
        public TimelineEntryKind Kind { get; init; }

        public Guid Id { get; init; }

        public DateTimeOffset At { get; init; }
    }

    public async Task<Page<TimelineEntry>> GetAsync(Guid companyId, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        page.Validate();
        await companies.GetAsync(companyId, actor, cancellationToken);

        var keys = Keys(companyId, actor).OrderByDescending(k => k.At).ThenByDescending(k => k.Id);
        var found = await keys.ToPageAsync(page, cancellationToken);

        var ids = found.Items.ToLookup(k => k.Kind, k => k.Id);
        var contactViews = ids[TimelineEntryKind.Contact].Any() ? await contactLogs.GetByIdsAsync([.. ids[TimelineEntryKind.Contact]], actor, cancellationToken) : new Dictionary<Guid, ContactLogView>();
        var vacancyViews = ids[TimelineEntryKind.Vacancy].Any() ? await vacancies.GetByIdsAsync([.. ids[TimelineEntryKind.Vacancy]], actor, cancellationToken) : new Dictionary<Guid, VacancyView>();
        var pledgeViews = ids[TimelineEntryKind.Pledge].Any() ? await pledges.GetByIdsAsync([.. ids[TimelineEntryKind.Pledge]], actor, cancellationToken) : new Dictionary<Guid, PledgeView>();
        var outcomeViews = ids[TimelineEntryKind.Outcome].Any() ? await outcomes.GetByIdsAsync([.. ids[TimelineEntryKind.Outcome]], actor, cancellationToken) : new Dictionary<Guid, OutcomeView>();
        Guid[] placementIds = [.. ids[TimelineEntryKind.Placement].Concat(outcomeViews.Values.Select(o => o.PlacementId)).Distinct()];
        var placementViews = placementIds.Length > 0 ? await placements.GetByIdsAsync(placementIds, actor, cancellationToken) : new Dictionary<Guid, PlacementView>();

        var entries = found.Items.Select(k => k.Kind switch
        {
            TimelineEntryKind.Contact => new TimelineEntry(k.Kind, k.Id, k.At, Contact: contactViews[k.Id]),
            TimelineEntryKind.Vacancy => new TimelineEntry(k.Kind, k.Id, k.At, Vacancy: vacancyViews[k.Id]),
            TimelineEntryKind.Placement => new TimelineEntry(k.Kind, k.Id, k.At, Placement: placementViews[k.Id]),
            TimelineEntryKind.Pledge => new TimelineEntry(k.Kind, k.Id, k.At, Pledge: pledgeViews[k.Id]),
            _ => new TimelineEntry(k.Kind, k.Id, k.At, Outcome: outcomeViews[k.Id], Placement: placementViews.GetValueOrDefault(outcomeViews[k.Id].PlacementId)),
        }).ToList();
        return new Page<TimelineEntry>(entries, found.TotalCount, found.Offset);
    }

    /// <summary>The keys of every entry the actor may see, through each feature's own visibility.</summary>
    private IQueryable<Key> Keys(Guid companyId, Actor actor)
    {
        var keys = vacancies.VisibleTo(actor).Where(v => v.CompanyId == companyId)
                .Select(v => new Key { Kind = TimelineEntryKind.Vacancy, Id = v.Id, At = v.CreatedAt })
            .Concat(placements.VisibleTo(actor).Where(p => p.CompanyId == companyId)
                .Select(p => new Key { Kind = TimelineEntryKind.Placement, Id = p.Id, At = p.CreatedAt }))
            .Concat(pledges.VisibleTo(actor).Where(p => p.CompanyId == companyId)
                .Select(p => new Key { Kind = TimelineEntryKind.Pledge, Id = p.Id, At = p.RecordedAt }))
            // From the company's placements to their outcomes (index on PlacementId): filtering the outcomes by their
            // placement's company instead made SQLite test every outcome of the alliance.
            .Concat(placements.VisibleTo(actor).Where(p => p.CompanyId == companyId)
                .Join(outcomes.VisibleTo(actor), p => p.Id, o => o.PlacementId, (p, o) => new Key { Kind = TimelineEntryKind.Outcome, Id = o.Id, At = o.RecordedAt }));
        return ContactLogQueries.AreVisibleTo(actor)
            ? keys.Concat(contactLogs.VisibleTo(actor).Where(c => c.CompanyId == companyId)
                .Select(c => new Key { Kind = TimelineEntryKind.Contact, Id = c.Id, At = c.OccurredAt }))
            : keys;
    }
}
