using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.Vacancies;

namespace CrmAlliance.Api.Features.Demo;

public sealed partial class DemoDataBuilder
{
    private static readonly int[] FollowUpDays = [7, 14, 21, 30];

    private IEnumerable<ContactLog> BuildContactLogs(DemoCompany demo)
    {
        var months = (demo.ActiveUntil.DayNumber - demo.ActiveFrom.DayNumber) / 30.0;
        var count = demo.Profile.Status switch
        {
            MembershipStatus.Prospect => Between(1, 3),
            _ => Math.Max(2, (int)Math.Round(months * Between(3, 8) / 10)),
        };
        var logs = new List<ContactLog>();
        for (var i = 0; i < count; i++)
        {
            var day = DayBetween(demo.ActiveFrom, demo.ActiveUntil.AddDays(-1));
            var channel = Weighted((ContactChannel.Phone, 35), (ContactChannel.Visit, 25), (ContactChannel.Email, 20), (ContactChannel.Meeting, 15), (ContactChannel.Event, 5));
            var summary = Pick(DemoVocabulary.ContactLogSummaries[channel])
                .Replace("{contact}", Pick(demo.Company.Contacts).Name, StringComparison.Ordinal)
                .Replace("{title}", MidSentence(DemoVocabulary.Occupations[Pick(DemoVocabulary.OccupationsByTrade[demo.Profile.Trade])].Title), StringComparison.Ordinal)
                .Replace("{year}", day.Year.ToString(), StringComparison.Ordinal);
            logs.Add(Log(demo, day, channel, summary, Chance(0.7) ? Pick(DemoVocabulary.ContactLogOutcomes) : null, Chance(0.4)));
        }

        // The membership's turning points are logged too, so the history explains the status.
        switch (demo.Profile.Status)
        {
            case MembershipStatus.Prospect:
                logs.Add(Log(demo, _today.AddDays(-Between(1, 10)), ContactChannel.Visit, $"Første møde med {demo.Leader.Name} om medlemskab af Aalborg Alliancen.", "Virksomheden overvejer en partnerskabsaftale.", followUp: true));
                break;
            case MembershipStatus.Paused:
                logs.Add(Log(demo, demo.ActiveUntil, ContactChannel.Meeting, $"Partnerskabet sat på pause efter ønske fra {demo.Leader.Name} på grund af ordrenedgang.", "Genoptages når ordrebogen er fyldt igen.", followUp: false));
                break;
            case MembershipStatus.Left:
                logs.Add(Log(demo, demo.ActiveUntil, ContactChannel.Phone, $"{demo.Leader.Name} meddeler, at virksomheden melder sig ud af Aalborg Alliancen.", "Udmeldelse registreret.", followUp: false));
                break;
        }

        return logs.OrderBy(l => l.OccurredAt);
    }

    private ContactLog Log(DemoCompany demo, DateOnly day, ContactChannel channel, string summary, string? outcome, bool followUp)
    {
        var followUpOn = followUp ? day.AddDays(Pick(FollowUpDays)) : (DateOnly?)null;
        return new ContactLog
        {
            CompanyId = demo.Company.Id,
            ConsultantId = Chance(0.85) ? demo.ConsultantId : Pick(_consultants),
            OccurredAt = At(day),
            Channel = channel,
            Summary = summary,
            Outcome = outcome,
            FollowUpOn = followUpOn,
            // Most past follow-ups were done; some are overdue, and future ones are the consultants' to-do list.
            FollowUpDone = followUpOn is { } due && due < _today && Chance(0.85),
        };
    }

    private IEnumerable<Pledge> BuildPledges(DemoCompany demo)
    {
        if (!demo.HasHistory)
        {
            yield break;
        }

        var scale = demo.Profile.Size switch { CompanySize.Small => 1, CompanySize.Medium => 2, _ => 5 };
        for (var year = _start.Year; year <= _today.Year; year++)
        {
            var periodStart = new DateOnly(year, 1, 1);
            if (periodStart > demo.ActiveUntil || new DateOnly(year, 12, 31) < demo.ActiveFrom)
            {
                continue;
            }

            var pledge = new Pledge
            {
                CompanyId = demo.Company.Id,
                PeriodStart = periodStart,
                PeriodEnd = new DateOnly(year, 12, 31),
                OrdinaryJobs = Between(0, scale),
                Internships = Between(1, 2 * scale),
                WageSubsidyJobs = Between(0, scale),
                AdultApprenticeships = Chance(0.4) ? Between(1, Math.Max(1, scale / 2)) : 0,
                FlexJobs = Chance(0.5) ? Between(1, scale) : 0,
                Mentors = Chance(0.5) ? Between(1, Math.Max(1, scale / 2)) : 0,
                TargetGroups = Enum.GetValues<TargetGroup>().Where(_ => Chance(0.4)).DefaultIfEmpty(TargetGroup.InsuredUnemployed).ToList(),
                Note = Chance(0.5) ? Pick(DemoVocabulary.PledgeNotes) : null,
                RecordedAt = At(Max(demo.ActiveFrom, periodStart.AddDays(-Between(5, 40)))),
                RecordedBy = demo.ConsultantId,
            };
            yield return pledge;
        }
    }

    private IEnumerable<Vacancy> BuildVacancies(DemoCompany demo)
    {
        if (!demo.HasHistory)
        {
            yield break;
        }

        var span = (demo.ActiveUntil.DayNumber - demo.ActiveFrom.DayNumber) / 730.0;
        var count = (int)Math.Ceiling(span * demo.Profile.Size switch { CompanySize.Small => Between(1, 2), CompanySize.Medium => Between(2, 4), _ => Between(4, 7) });

        // The company user's company shows every kind of offer; elsewhere kinds follow how often they occur.
        var kinds = demo.Profile.Name == DemoCompanyProfiles.CompanyUsersCompany
            ? Enum.GetValues<OfferKind>().Concat([OfferKind.OrdinaryJob, OfferKind.Internship]).ToList()
            : Enumerable.Range(0, Math.Max(1, count)).Select(_ => Weighted(
                (OfferKind.OrdinaryJob, 35), (OfferKind.Internship, 25), (OfferKind.WageSubsidy, 15), (OfferKind.AdultApprenticeship, 10), (OfferKind.FlexJob, 10), (OfferKind.Mentor, 5))).ToList();
        for (var i = 0; i < kinds.Count; i++)
        {
            // Active partners have some offers still ahead of them (open or in draft); the rest is history.
            var recent = demo.Profile.Status == MembershipStatus.Active && (i % 3 == 0);
            var created = recent
                ? _today.AddDays(-Between(2, 40))
                : DayBetween(demo.ActiveFrom, Min(demo.ActiveUntil, _today).AddDays(-75));
            yield return Vacancy(demo, kinds[i], created);
        }
    }

    private Vacancy Vacancy(DemoCompany demo, OfferKind kind, DateOnly created)
    {
        var occupation = DemoVocabulary.Occupations[Pick(DemoVocabulary.OccupationsByTrade[demo.Profile.Trade])];
        var workplace = Pick(demo.Company.Workplaces);
        var start = created.AddDays(Between(14, 60));
        var hours = kind == OfferKind.FlexJob ? Between(10, 25) : demo.Profile.Trade is Trade.Retail or Trade.Restaurant && Chance(0.4) ? Between(20, 32) : 37;
        var title = MidSentence(occupation.Title);
        var deadline = kind is OfferKind.Mentor || (kind is OfferKind.Internship && Chance(0.5)) ? (DateOnly?)null : start.AddDays(-Between(7, 14));
        var status = start > _today
            ? Chance(0.2) ? VacancyStatus.Draft : VacancyStatus.Open
            : Weighted((VacancyStatus.Filled, 50), (VacancyStatus.Closed, 25), (VacancyStatus.Expired, 25));
        if (status == VacancyStatus.Expired && deadline is null)
        {
            // Only an offer with an application deadline can expire.
            status = VacancyStatus.Closed;
        }
        else if (status is VacancyStatus.Open or VacancyStatus.Draft && deadline < _today)
        {
            status = VacancyStatus.Expired;
        }

        return new Vacancy
        {
            CompanyId = demo.Company.Id,
            WorkplaceId = workplace.Id,
            OfferKind = kind,
            OccupationCode = occupation.Code,
            Title = kind switch
            {
                OfferKind.OrdinaryJob => occupation.Title,
                OfferKind.Internship => $"Virksomhedspraktik som {title}",
                OfferKind.WageSubsidy => $"Løntilskudsjob som {title}",
                OfferKind.AdultApprenticeship => $"Voksenlærling som {title}",
                OfferKind.FlexJob => $"Fleksjob som {title}",
                _ => $"Virksomhedsmentor ({title})",
            },
            Description = kind switch
            {
                OfferKind.OrdinaryJob => $"{demo.Profile.Name} søger en {title} til {workplace.Name}. Fast stilling, {hours} timer om ugen.",
                OfferKind.Internship => $"Praktik med henblik på opkvalificering eller afklaring som {title}. Fast kontaktperson og tæt oplæring.",
                OfferKind.WageSubsidy => $"Løntilskudsjob som {title}. Stillingen er merbeskæftigelse og besættes ikke efter en afskedigelse.",
                OfferKind.AdultApprenticeship => $"Voksenlærlingeforløb som {title} med skoleophold. Du skal være fyldt 25 år.",
                OfferKind.FlexJob => $"Fleksjob som {title}, {hours} timer om ugen, med plads til skånehensyn.",
                _ => $"En erfaren {title} er mentor for borgere i praktik eller løntilskud.",
            },
            Positions = kind == OfferKind.OrdinaryJob ? Between(1, 3) : kind == OfferKind.Internship ? Between(1, 2) : 1,
            HoursPerWeek = hours,
            StartDate = start,
            ApplicationDeadline = deadline,
            RequiredSkills = occupation.Skills.Where(_ => Chance(0.6)).ToList(),
            Status = status,
            CreatedAt = At(created),
            PublishedAt = status == VacancyStatus.Draft ? null : At(created.AddDays(1)),
        };
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
