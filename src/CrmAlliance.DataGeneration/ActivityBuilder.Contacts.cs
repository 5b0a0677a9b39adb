using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Demo;

namespace CrmAlliance.DataGeneration;

public sealed partial class ActivityBuilder
{
    private static readonly int[] FollowUpDays = [7, 14, 21, 30];
    private static readonly double[] ChannelWeights = [25, 35, 20, 15, 5];

    // Contacts have a stream of their own: changing how often consultants call leaves the placements as they were.
    private readonly SeedRandom contactRandom = new(options.Seed, 3);

    /// <summary>
    /// The consultants' effort in the month: every member gets a call now and then (dormant ones too: that is
    /// how consultants try to wake them), more with more placements; prospects in their last months before joining.
    /// </summary>
    private async Task ContactLogsAsync(int bucketIndex, int placementsInBucket, CancellationToken cancellationToken)
    {
        var bucket = calendar.Buckets[bucketIndex];
        var bucketDays = bucket.Last.DayNumber - bucket.First.DayNumber + 1;
        var monthShare = bucketDays / 30.4;
        for (var i = 0; i < bucket.Weights.Length; i++)
        {
            var company = calendar.Company(i);
            var activeDays = ActivityCalendar.ActiveDays(company, bucket.First, bucket.Last);
            double expected;
            DateOnly first, last;
            if (activeDays > 0)
            {
                var placements = placementsInBucket * calendar.ShareOf(bucketIndex, i);
                expected = activeDays / 30.4 * (0.25 + (0.35 * Math.Sqrt(placements)));
                first = company.ActiveFrom > bucket.First ? company.ActiveFrom.Value : bucket.First;
                last = company.ActiveUntil is { } until && until < bucket.Last ? until : bucket.Last;
            }
            else if (company.Status == MembershipStatus.Prospect && company.CreatedOn <= bucket.Last)
            {
                expected = 0.3 * monthShare;
                first = company.CreatedOn > bucket.First ? company.CreatedOn : bucket.First;
                last = bucket.Last;
            }
            else
            {
                continue;
            }

            for (var n = contactRandom.Poisson(expected); n > 0; n--)
            {
                await sink.AddAsync(NewContactLog(company, contactRandom.DayBetween(first, last)), cancellationToken);
            }

            // The membership's end is logged too, so the history explains the status.
            if (company.ActiveUntil is { } stopped && stopped.AddDays(1) >= bucket.First && stopped.AddDays(1) <= bucket.Last)
            {
                var summary = company.Status == MembershipStatus.Left
                    ? $"{company.LeaderName} meddeler, at virksomheden melder sig ud af Aalborg Alliancen."
                    : $"Partnerskabet sat på pause efter ønske fra {company.LeaderName}.";
                await sink.AddAsync(NewContactLog(company, stopped.AddDays(1), summary), cancellationToken);
            }
        }
    }

    private ContactLog NewContactLog(CompanyPlan company, DateOnly day, string? summary = null)
    {
        var random = contactRandom;
        var channel = (ContactChannel)random.Weighted(ChannelWeights);
        var occupation = SyntheticVocabulary.Occupations[random.Pick(SyntheticVocabulary.OccupationsBySection[company.Section])].Title;
        summary ??= random.Pick(DemoVocabulary.ContactLogSummaries[channel])
            .Replace("{contact}", random.Chance(0.7) || company.RepresentativeName is null ? company.LeaderName : company.RepresentativeName, StringComparison.Ordinal)
            .Replace("{title}", occupation.Length > 1 && char.IsLower(occupation[1]) ? char.ToLowerInvariant(occupation[0]) + occupation[1..] : occupation, StringComparison.Ordinal)
            .Replace("{year}", day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var followUpOn = random.Chance(0.4) ? day.AddDays(random.Pick(FollowUpDays)) : (DateOnly?)null;
        var occurredAt = time.OfficeTime(day, random);
        var log = SeedRows.Blank<ContactLog>();
        log.Id = random.NewId(occurredAt);
        log.CompanyId = company.Id;
        log.ConsultantId = random.Chance(0.85) ? company.ConsultantId : random.Pick(consultantIds);
        log.OccurredAt = occurredAt;
        log.Channel = channel;
        log.Summary = summary;
        log.Outcome = random.Chance(0.7) ? random.Pick(DemoVocabulary.ContactLogOutcomes) : null;
        log.FollowUpOn = followUpOn;

        // Most past follow-ups were done; some are overdue, and those ahead are the consultants' to-do list.
        log.FollowUpDone = followUpOn is { } due && due < options.Until && random.Chance(0.85);
        return log;
    }
}
