using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Demo;
using CrmAlliance.Api.Features.Pledges;

namespace CrmAlliance.DataGeneration;

/// <summary>
/// A pledge per member and calendar year, sized to what the company can be expected to do that year, give or
/// take half: some deliver more than promised, some less, and a dormant year's pledge mostly goes unmet.
/// </summary>
public sealed class PledgeBuilder(SeedOptions options, ActivityCalendar calendar, SeedCalendar time)
{
    private readonly SeedRandom random = new(options.Seed, 4);

    public IEnumerable<Pledge> For(int companyIndex, int[] placementsByBucket)
    {
        var company = calendar.Company(companyIndex);
        if (company.ActiveFrom is null || company.JoinedOn is not { } joined)
        {
            yield break;
        }

        // What the company is expected to take up in each year, from its share of each month's placements.
        var years = options.Until.Year - options.From.Year + 1;
        var expected = new double[years];
        for (var b = 0; b < calendar.Buckets.Count; b++)
        {
            var bucket = calendar.Buckets[b];
            var year = bucket.First.Year - options.From.Year;
            if (year < years)
            {
                expected[year] += placementsByBucket[b] * calendar.ShareOf(b, companyIndex);
            }
        }

        var activeYears = expected.Where(e => e > 0).DefaultIfEmpty(0).Average();
        var kindWeights = company.OfferKindCumulative.Select((c, i) => i == 0 ? c : c - company.OfferKindCumulative[i - 1]).ToArray();
        var kindTotal = kindWeights.Sum();
        for (var year = 0; year < years; year++)
        {
            var periodStart = new DateOnly(options.From.Year + year, 1, 1);
            var periodEnd = new DateOnly(options.From.Year + year, 12, 31);
            var start = joined > periodStart ? joined : periodStart;
            if (start >= periodEnd || (company.ActiveUntil is { } until && until < periodStart) || !random.Chance(company.DormantYears[year] ? 0.6 : 0.85))
            {
                continue;
            }

            var basis = expected[year] > 0 ? expected[year] : activeYears;
            int Promise(OfferKind kind) => Math.Min(PledgeRules.MaxPerOfferKind, (int)Math.Round(basis * kindWeights[(int)kind] / kindTotal * (0.6 + (0.9 * random.NextDouble()))));
            var recordedOn = start.AddDays(-random.Between(5, 40));
            var recordedAt = time.OfficeTime(recordedOn < company.CreatedOn ? company.CreatedOn : recordedOn > options.Until ? options.Until : recordedOn, random);
            var pledge = new Pledge
            {
                Id = random.NewId(recordedAt),
                CompanyId = company.Id,
                PeriodStart = start,
                PeriodEnd = periodEnd,
                OrdinaryJobs = Promise(OfferKind.OrdinaryJob),
                Internships = Promise(OfferKind.Internship),
                WageSubsidyJobs = Promise(OfferKind.WageSubsidy),
                AdultApprenticeships = Promise(OfferKind.AdultApprenticeship),
                FlexJobs = Promise(OfferKind.FlexJob),
                Mentors = Promise(OfferKind.Mentor),
                TargetGroups = Enum.GetValues<TargetGroup>().Where(_ => random.Chance(0.3)).DefaultIfEmpty(TargetGroup.InsuredUnemployed).Order().ToList(),
                Note = random.Chance(0.3) ? random.Pick(DemoVocabulary.PledgeNotes) : null,
                RecordedAt = recordedAt,
                RecordedBy = company.ConsultantId,
            };

            // A pledge promises something: the smallest partner promises one internship.
            if (pledge.OrdinaryJobs + pledge.Internships + pledge.WageSubsidyJobs + pledge.AdultApprenticeships + pledge.FlexJobs + pledge.Mentors == 0)
            {
                pledge.Internships = 1;
            }

            yield return pledge;
        }
    }
}
