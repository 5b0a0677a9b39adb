using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Vacancies;

namespace CrmAlliance.DataGeneration;

public sealed partial class ActivityBuilder
{
    /// <summary>Vacancies posted that the jobcenter filled nobody into, per placement in the month.</summary>
    private const double UnpairedVacanciesPerPlacement = 0.18;

    private readonly Dictionary<(Guid Company, OfferKind Kind), OpenVacancy> lastVacancies = [];

    /// <summary>The share of placements of each kind that fill a posted vacancy; internships are mostly arranged directly.</summary>
    private static double PostedShare(OfferKind kind) => kind switch
    {
        OfferKind.OrdinaryJob => 0.75,
        OfferKind.AdultApprenticeship => 0.70,
        OfferKind.FlexJob => 0.50,
        OfferKind.WageSubsidy => 0.30,
        OfferKind.Internship => 0.15,
        _ => 0.05,
    };

    /// <summary>
    /// The vacancy a placement fills, if it came from one: a position left on the company's last vacancy of the
    /// kind (same workplace, start within two weeks), else a new vacancy posted some weeks before the start.
    /// </summary>
    private async Task<Guid?> LinkedVacancyAsync(PlannedPlacement planned, string occupation, CancellationToken cancellationToken)
    {
        if (!random.Chance(PostedShare(planned.Kind)))
        {
            return null;
        }

        var key = (planned.Company.Id, planned.Kind);
        var future = planned.Start > options.Until;
        if (lastVacancies.TryGetValue(key, out var open) && open.PositionsLeft > 0 && open.WorkplaceId == planned.Workplace.Id
            && open.IsFuture == future && Math.Abs(open.Start.DayNumber - planned.Start.DayNumber) <= 14)
        {
            lastVacancies[key] = open with { PositionsLeft = open.PositionsLeft - 1 };
            return open.Id;
        }

        var company = planned.Company;
        var earliest = Max(company.ActiveFrom ?? company.CreatedOn, company.CreatedOn);
        var year = planned.Start.Year - options.From.Year;
        if (year > 0 && year <= company.DormantYears.Length && company.DormantYears[year - 1])
        {
            // Nothing posted in a dormant year: the posting waits for the new year.
            earliest = Max(earliest, new DateOnly(planned.Start.Year, 1, 1));
        }

        var created = Min(Max(planned.Start.AddDays(-random.Between(14, 56)), earliest), Min(planned.Start, options.Until));
        var vacancy = NewVacancy(company, planned.Workplace.Id, planned.Kind, occupation, created, planned.Start);
        vacancy.Status = !future ? VacancyStatus.Filled
            : vacancy.ApplicationDeadline is not { } deadline || deadline >= options.Until ? VacancyStatus.Open
            : VacancyStatus.Filled;
        vacancy.Version = vacancy.Status == VacancyStatus.Open ? 1 : 2;
        await sink.AddAsync(vacancy, cancellationToken);
        lastVacancies[key] = new OpenVacancy(vacancy.Id, planned.Workplace.Id, planned.Start, vacancy.Positions - 1, future);
        return vacancy.Id;
    }

    /// <summary>Postings in the month that led to no placement through the jobcenter: closed, expired, filled by the company itself, or still open.</summary>
    private async Task UnpairedVacanciesAsync(ActivityBucket bucket, int placementsInBucket, CancellationToken cancellationToken)
    {
        var count = (int)Math.Round(placementsInBucket * UnpairedVacanciesPerPlacement);
        for (var i = 0; i < count && bucket.Total > 0; i++)
        {
            var company = calendar.Company(random.FromCumulative(bucket.Cumulative));
            var kind = random.Chance(0.5) ? OfferKind.OrdinaryJob : (OfferKind)random.FromCumulative(company.OfferKindCumulative);
            var workplace = company.Workplaces[random.Next(company.Workplaces.Length)];
            var created = StartDay(company, bucket);
            var vacancy = NewVacancy(company, workplace.Id, kind, random.Pick(SyntheticVocabulary.OccupationsBySection[company.Section]), created, created.AddDays(random.Between(14, 60)));
            if (vacancy.StartDate <= options.Until)
            {
                vacancy.Status = (VacancyStatus)random.Weighted([0, 0, 15, 45, vacancy.ApplicationDeadline is null ? 0 : 40]);
            }
            else if (random.Chance(0.2))
            {
                vacancy.Status = VacancyStatus.Draft;
                vacancy.PublishedAt = null;
            }
            else
            {
                // An open vacancy whose deadline has passed is expired by the hourly job.
                vacancy.Status = vacancy.ApplicationDeadline < options.Until ? VacancyStatus.Expired : VacancyStatus.Open;
            }

            vacancy.Version = vacancy.Status is VacancyStatus.Draft or VacancyStatus.Open ? 1 : 2;
            await sink.AddAsync(vacancy, cancellationToken);
        }
    }

    private Vacancy NewVacancy(CompanyPlan company, Guid workplaceId, OfferKind kind, string occupationCode, DateOnly created, DateOnly start)
    {
        var occupation = SyntheticVocabulary.Occupations[occupationCode];
        var title = occupation.Title.Length > 1 && char.IsLower(occupation.Title[1]) ? char.ToLowerInvariant(occupation.Title[0]) + occupation.Title[1..] : occupation.Title;
        var createdAt = time.OfficeTime(created, random);
        var published = Min(created.AddDays(random.Between(0, 1)), options.Until);
        var hours = kind == OfferKind.FlexJob ? random.Between(10, 25) : company.Section is "G" or "I" && random.Chance(0.4) ? random.Between(20, 32) : 37;
        var deadline = kind == OfferKind.Mentor || (kind == OfferKind.Internship && random.Chance(0.5)) || random.Chance(0.15)
            ? (DateOnly?)null
            : Max(start.AddDays(-random.Between(5, 14)), published);
        var vacancy = SeedRows.Blank<Vacancy>();
        vacancy.Id = random.NewId(createdAt);
        vacancy.CompanyId = company.Id;
        vacancy.WorkplaceId = workplaceId;
        vacancy.OfferKind = kind;
        vacancy.OccupationCode = occupationCode;
        vacancy.Title = kind switch
        {
            OfferKind.OrdinaryJob => occupation.Title,
            OfferKind.Internship => $"Virksomhedspraktik som {title}",
            OfferKind.WageSubsidy => $"Løntilskudsjob som {title}",
            OfferKind.AdultApprenticeship => $"Voksenlærling som {title}",
            OfferKind.FlexJob => $"Fleksjob som {title}",
            _ => $"Virksomhedsmentor ({title})",
        };
        vacancy.Description = kind switch
        {
            OfferKind.OrdinaryJob => $"{company.Name} søger en {title}. {hours} timer om ugen.",
            OfferKind.Internship => $"Praktik som {title} med fast kontaktperson og tæt oplæring.",
            OfferKind.WageSubsidy => $"Løntilskudsjob som {title}. Stillingen er merbeskæftigelse og besættes ikke efter en afskedigelse.",
            OfferKind.AdultApprenticeship => $"Voksenlærlingeforløb som {title} med skoleophold.",
            OfferKind.FlexJob => $"Fleksjob som {title}, {hours} timer om ugen, med plads til skånehensyn.",
            _ => $"En erfaren {title} er mentor for borgere i praktik eller løntilskud.",
        };
        vacancy.Positions = kind switch
        {
            OfferKind.OrdinaryJob => 1 + random.Weighted([60, 25, 10, 5]),
            OfferKind.Internship => random.Chance(0.8) ? 1 : 2,
            _ => 1,
        };
        vacancy.HoursPerWeek = hours;
        vacancy.StartDate = start;
        vacancy.ApplicationDeadline = deadline;
        vacancy.RequiredSkills = occupation.Skills.Where(_ => random.Chance(0.6)).ToList();
        vacancy.Status = VacancyStatus.Draft;
        vacancy.CreatedAt = createdAt;
        vacancy.PublishedAt = time.OfficeTime(published, random) is var at && at > createdAt ? at : createdAt;
        vacancy.Version = 1;
        return vacancy;
    }

    /// <summary>A vacancy with positions left that a later placement at the same workplace may fill.</summary>
    private sealed record OpenVacancy(Guid Id, Guid WorkplaceId, DateOnly Start, int PositionsLeft, bool IsFuture);
}
