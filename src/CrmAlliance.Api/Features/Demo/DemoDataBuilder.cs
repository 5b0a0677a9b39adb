using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.Vacancies;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Demo;

/// <summary>The demo data set, ready to be added to the context (companies carry their workplaces and contacts).</summary>
public sealed record DemoData(
    IReadOnlyList<Company> Companies,
    IReadOnlyList<ContactLog> ContactLogs,
    IReadOnlyList<Pledge> Pledges,
    IReadOnlyList<Vacancy> Vacancies,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<Placement> Placements,
    IReadOnlyList<Outcome> Outcomes);

/// <summary>
/// Builds two years of realistic activity up to <c>today</c> for Jobcenter Aalborg and 50 partners. Pure and
/// deterministic: the same day and consultants give the same data (a fixed random seed), and every row obeys
/// the rules the core enforces (ratio rule, statements before start, durations, purposes, last employer).
/// </summary>
public sealed partial class DemoDataBuilder
{
    /// <summary>16 December 2013: the day Aalborg's city council approved the strategy for the jobcenter's cooperation with companies.</summary>
    public const int Seed = 20131216;

    /// <summary>The placement rules with their default options (the law as docs/domain.md summarises it), for <see cref="Build(DateOnly, IReadOnlyList{string})"/>.</summary>
    private static readonly IOptions<PlacementRulesOptions> DefaultRules = Options.Create(new PlacementRulesOptions());

    private static readonly RatioRule DefaultRatioRule = new(DefaultRules);

    private readonly Random _random = new(Seed);
    private readonly SampleCompanyBuilder _sample;
    private readonly RatioRule _ratioRule;
    private readonly MaximumDurationRule _maximumDuration;
    private readonly DateOnly _today;
    private readonly DateOnly _start;
    private readonly IReadOnlyList<string> _consultants;
    private readonly HashSet<string> _cvrs = [];

    private DemoDataBuilder(DateOnly today, IReadOnlyList<string> consultantIds, RatioRule ratioRule, MaximumDurationRule maximumDuration)
    {
        if (consultantIds.Count == 0)
        {
            throw new ArgumentException("The demo data needs at least one consultant.", nameof(consultantIds));
        }

        _today = today;
        _start = today.AddYears(-2);
        _consultants = consultantIds;
        _sample = new SampleCompanyBuilder(_random);
        _ratioRule = ratioRule;
        _maximumDuration = maximumDuration;
    }

    /// <summary>The demo data under the placement rules with their default options.</summary>
    /// <param name="today">The last day of the demo history; later dates are plans (starts, follow-ups).</param>
    /// <param name="consultantIds">User ids of the consultants the companies and activities are shared between; the first gets the first company.</param>
    public static DemoData Build(DateOnly today, IReadOnlyList<string> consultantIds)
        => Build(today, consultantIds, DefaultRatioRule, new MaximumDurationRule(DefaultRules));

    /// <summary>The demo data under the given rules (the Api's, with its configured options): every row obeys them.</summary>
    public static DemoData Build(DateOnly today, IReadOnlyList<string> consultantIds, RatioRule ratioRule, MaximumDurationRule maximumDuration)
        => new DemoDataBuilder(today, consultantIds, ratioRule, maximumDuration).BuildAll();

    /// <summary>The ratio rule's limit with its default options (docs/domain.md): 1 per 5 ordinary employees up to 50, at least 1, plus 1 per 10 beyond.</summary>
    public static int RatioLimit(int ordinaryEmployees) => DefaultRatioRule.AllowedPlaces(ordinaryEmployees);

    private DemoData BuildAll()
    {
        var companies = BuildCompanies();
        var contactLogs = companies.SelectMany(BuildContactLogs).ToList();
        var pledges = companies.SelectMany(BuildPledges).ToList();
        var vacancies = companies.SelectMany(BuildVacancies).ToList();
        var candidates = BuildCandidates(companies);
        var (placements, outcomes) = BuildPlacements(companies, vacancies, candidates);
        return new DemoData(companies.Select(c => c.Company).ToList(), contactLogs, pledges, vacancies, candidates, placements, outcomes);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    private DateOnly DayBetween(DateOnly from, DateOnly to)
        => to <= from ? from : from.AddDays(_random.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>A time in office hours on the day, in UTC (the demo does not model daylight saving).</summary>
    private DateTimeOffset At(DateOnly day)
        => new(day.ToDateTime(new TimeOnly(Between(7, 15), Between(0, 59))), TimeSpan.Zero);

    private T Weighted<T>(params (T Item, int Weight)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (item, weight) in choices)
        {
            if (roll < weight)
            {
                return item;
            }

            roll -= weight;
        }

        return choices[^1].Item;
    }

    /// <summary>A fresh CVR number with a valid check digit.</summary>
    private string NewCvr() => SampleCompanyBuilder.NewCvr(_random, _cvrs.Add);

    /// <summary>"Svejser" becomes "svejser" mid-sentence; "IT-supporter" keeps its capitals.</summary>
    private static string MidSentence(string title)
        => title.Length > 1 && char.IsLower(title[1]) ? char.ToLowerInvariant(title[0]) + title[1..] : title;
}
