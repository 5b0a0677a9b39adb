using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Features.ReferenceData;
using Microsoft.Extensions.Options;

namespace CrmAlliance.DataGeneration;

/// <summary>
/// The whole data set, in the order its rows may be written: consultants, companies (with workplaces and
/// contacts), pledges, then the history month by month. Pure apart from the sink: the same options give the same
/// rows in the same order, so it can be checked in memory as well as written to a database.
/// </summary>
public static class SyntheticDataSet
{
    public static async Task<SeedStatistics> WriteAsync(
        SeedOptions options,
        ReferenceCatalog catalog,
        PlacementRulesOptions rules,
        string consultantRoleId,
        ISeedSink sink,
        ISeedProgress progress,
        CancellationToken cancellationToken)
    {
        var time = new SeedCalendar();
        var companies = new CompanyBuilder(options, catalog, new RatioRule(Options.Create(rules)), time);

        progress.PhaseStarted("companies", options.Companies);
        var consultants = companies.Consultants(consultantRoleId);
        foreach (var (user, role) in consultants)
        {
            await sink.AddAsync(user, cancellationToken);
            await sink.AddAsync(role, cancellationToken);
        }

        var consultantIds = consultants.Select(c => c.User.Id).ToList();
        var plans = new List<CompanyPlan>(options.Companies);
        for (var i = 0; i < options.Companies; i++)
        {
            var (company, plan) = companies.NextCompany(consultantIds, anchor: i == 0);
            await sink.AddAsync(company, cancellationToken);
            foreach (var workplace in company.Workplaces)
            {
                await sink.AddAsync(workplace, cancellationToken);
            }

            foreach (var contact in company.Contacts)
            {
                await sink.AddAsync(contact, cancellationToken);
            }

            plans.Add(plan);
            progress.Advanced(1);
        }

        progress.PhaseCompleted();

        var calendar = new ActivityCalendar(options, plans);
        var targets = calendar.CumulativeTargets(options.Placements);
        var placementsByBucket = targets.Select((t, i) => t - (i == 0 ? 0 : targets[i - 1])).ToArray();
        progress.PhaseStarted("pledges", plans.Count);
        var pledges = new PledgeBuilder(options, calendar, time);
        for (var i = 0; i < plans.Count; i++)
        {
            foreach (var pledge in pledges.For(i, placementsByBucket))
            {
                await sink.AddAsync(pledge, cancellationToken);
            }

            progress.Advanced(1);
        }

        progress.PhaseCompleted();

        progress.PhaseStarted("placements", options.Placements);
        var activity = new ActivityBuilder(options, calendar, time, rules, consultantIds, companies.CompanyCvrs, sink);
        await activity.RunAsync(progress, cancellationToken);
        progress.PhaseCompleted();
        return activity.Statistics;
    }
}
