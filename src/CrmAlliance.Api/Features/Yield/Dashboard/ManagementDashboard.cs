using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.Reports;
using CrmAlliance.Api.Features.Yield.Targets;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Yield.Dashboard;

/// <summary>
/// The rows behind one company's figure, with the company they belong to. For a rate's count (<see cref="Rate"/> set),
/// the rows are its base's and <see cref="Rate"/> says which of them the count takes: a rate is checked against its base.
/// </summary>
public sealed record YieldDrillDown(YieldCompanyView Company, YieldMeasure Measure, YieldPage<YieldRow> Rows, YieldRateRows? Rate = null);

/// <summary>
/// The manager's alliance dashboard (the web UI's <c>/ledelse</c> pages): the yield reports GraphQL serves, for
/// Managers and Admins only. Consultants read the same figures through GraphQL; the dashboard, its drill-down and
/// the effect targets are management's. Every read checks the actor here first, then calls the report's own query,
/// which applies its own checks as well.
/// </summary>
public sealed class ManagementDashboard(
    CrmDbContext db,
    AllianceSummaryQuery summary,
    DormantPartnersQuery dormant,
    YieldRankingQuery ranking,
    YieldRowsQuery rows,
    FreeLabourAlertsQuery freeLabour,
    EffectTargetResults targetResults,
    EffectTargetQueries targets,
    YieldOptions options)
{
    /// <summary>Refuses everyone but Managers and Admins.</summary>
    public static void Authorize(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is not (Role.Manager or Role.Admin))
        {
            throw new ForbiddenException(RefusalText.Of("Yield.DashboardManagementOnly"));
        }
    }

    public Task<AllianceSummaryView> SummaryAsync(string period, Actor actor, CancellationToken cancellationToken)
    {
        Authorize(actor);
        return summary.GetAsync(period, null, null, null, actor, cancellationToken);
    }

    /// <summary>Members dormant in the period, longest dormant first: the follow-up list.</summary>
    public Task<YieldPage<DormantPartnerView>> DormantAsync(string period, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        Authorize(actor);
        return dormant.ListAsync(period, null, null, page, actor, cancellationToken);
    }

    public Task<YieldPage<RankedCompany>> RankingAsync(
        string period, string? industrySection, string? sizeBand, string? consultantId, YieldRankingSort sort, bool descending, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        Authorize(actor);
        return ranking.ListAsync(period, YieldSlice.Whole, industrySection, sizeBand, consultantId, sort, descending, page, actor, cancellationToken);
    }

    /// <summary>
    /// The rows behind one of a company's figures (yieldRows), with the company. A rate's count (work or education,
    /// conversion, self-supporting, reach) lists its base's rows, each marked whether the count takes it.
    /// </summary>
    public async Task<YieldDrillDown> DrillDownAsync(Guid companyId, string period, YieldMeasure measure, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        Authorize(actor);
        YieldRateRows? rate = null;
        YieldPage<YieldRow> found;
        if (YieldRowsQuery.BaseOf(measure) is not null)
        {
            rate = await rows.ListRateAsync(companyId, period, measure, YieldSlice.Whole, page, actor, cancellationToken);
            found = rate.Rows;
        }
        else
        {
            found = await rows.ListAsync(companyId, period, measure, YieldSlice.Whole, page, actor, cancellationToken);
        }

        var company = await db.FindYieldCompanyAsync(companyId, cancellationToken);
        return new YieldDrillDown(YieldCompanyView.From(company, options), measure, found, rate);
    }

    public Task<YieldPage<FreeLabourAlert>> FreeLabourAlertsAsync(string period, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        Authorize(actor);
        return freeLabour.ListAsync(period, page, actor, cancellationToken);
    }

    /// <summary>The alliance's result for the period against every effect target of the year it ends in.</summary>
    public Task<EffectTargetResultsView> TargetResultsAsync(string period, Actor actor, CancellationToken cancellationToken)
    {
        Authorize(actor);
        return targetResults.ForAsync(null, period, actor, cancellationToken);
    }

    public Task<IReadOnlyList<EffectTargetView>> TargetsAsync(int year, Actor actor, CancellationToken cancellationToken)
    {
        Authorize(actor);
        return targets.ForYearAsync(year, actor, cancellationToken);
    }
}
