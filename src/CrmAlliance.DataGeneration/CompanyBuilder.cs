using System.Text;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Demo;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Features.ReferenceData;
using Microsoft.AspNetCore.Identity;

namespace CrmAlliance.DataGeneration;

/// <summary>
/// Consultants, companies, their workplaces and contact persons. Every company gets a plan the activity steps
/// use: membership span, activity weight, dormant years, the ratio rule's places per workplace.
/// </summary>
public sealed class CompanyBuilder(SeedOptions options, ReferenceCatalog catalog, RatioRule ratioRule, SeedCalendar calendar)
{
    public const string ConsultantDomain = "seed.crmalliance.example";

    /// <summary>One consultant per this many companies (at least one).</summary>
    public const int CompaniesPerConsultant = 200;

    private readonly SeedRandom random = new(options.Seed, 1);
    private readonly HashSet<string> cvrs = [];
    private readonly string[] aalborgPostcodes = DemoVocabulary.CandidatePostcodes;
    private readonly string[] otherPostcodes = catalog.Postcodes
        .Where(p => p.Code[0] == '9' && p.Latitude is not null && !DemoVocabulary.Towns.ContainsKey(p.Code))
        .Select(p => p.Code).ToArray();

    private readonly Dictionary<string, string[]> classesBySection = catalog.Industries
        .Where(i => i.Level == "class")
        .Select(i => i.Code.Replace(".", "", StringComparison.Ordinal) + "00")
        .GroupBy(code => catalog.FindSection(code)!.Code)
        .ToDictionary(g => g.Key, g => g.ToArray());

    private SampleCompanyBuilder? sample;

    public IReadOnlySet<string> CompanyCvrs => cvrs;

    /// <summary>Workplaces and contacts as the demo data makes them, drawn from this builder's stream, with seeded ids.</summary>
    private SampleCompanyBuilder Sample => sample ??= new SampleCompanyBuilder(random.Stream, random.NewId);

    /// <summary>The consultant users (no password: they set one with the reset flow) and their role rows.</summary>
    public List<(ApplicationUser User, IdentityUserRole<string> Role)> Consultants(string consultantRoleId)
    {
        var count = Math.Max(1, (options.Companies + CompaniesPerConsultant - 1) / CompaniesPerConsultant);
        var names = new HashSet<string>();
        var consultants = new List<(ApplicationUser, IdentityUserRole<string>)>();
        for (var i = 0; i < count; i++)
        {
            string name;
            do
            {
                name = $"{random.Pick(DemoVocabulary.FirstNames)} {random.Pick(DemoVocabulary.LastNames)}";
            }
            while (!names.Add(name) && names.Count < DemoVocabulary.FirstNames.Length * DemoVocabulary.LastNames.Length);

            var createdAt = calendar.OfficeTime(options.From.AddDays(-random.Between(30, 90)), random);
            var email = $"konsulent{i + 1:D3}@{ConsultantDomain}";
            var user = new ApplicationUser
            {
                Id = random.NewId(createdAt).ToString(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAt = createdAt,
                SecurityStamp = SecurityStamp(),
                ConcurrencyStamp = random.NewId(createdAt).ToString(),
                LockoutEnabled = true,
            };
            consultants.Add((user, new IdentityUserRole<string> { UserId = user.Id, RoleId = consultantRoleId }));
        }

        return consultants;
    }

    /// <summary>One company with its workplaces and contacts (to be written) and its plan.</summary>
    /// <param name="anchor">A committed founding member, active every year: so that any history has somewhere to happen.</param>
    public (Company Company, CompanyPlan Plan) NextCompany(IReadOnlyList<string> consultantIds, bool anchor)
    {
        var section = SyntheticDistributions.Sections[random.Weighted(SyntheticDistributions.Sections.Select(s => s.Weight).ToArray())].Section;
        var sector = random.Chance(SyntheticDistributions.PublicShare(section)) ? Sector.Public : Sector.Private;
        var employees = Size(sector);
        var status = anchor ? MembershipStatus.Active : (MembershipStatus)random.Weighted([8, 78, 5, 9]);
        var membership = Membership(ref status, anchor);
        var postcode = random.Chance(0.85) ? random.Pick(aalborgPostcodes) : random.Pick(otherPostcodes);
        var name = CompanyName(section, sector, postcode);
        var createdAt = calendar.OfficeTime(membership.CreatedOn, random);
        var company = new Company
        {
            Id = random.NewId(createdAt),
            Cvr = SampleCompanyBuilder.NewCvr(random.Stream, cvrs.Add),
            Name = name,
            IndustryCode = random.Pick(classesBySection[section]),
            Address = Street(postcode),
            Postcode = postcode,
            Sector = sector,
            MembershipStatus = status,
            JoinedOn = membership.JoinedOn,
            ResponsibleConsultantId = random.Pick(consultantIds),
            CreatedAt = createdAt,
            Version = status is MembershipStatus.Paused or MembershipStatus.Left ? 2 : 1,
        };

        var workplaces = Workplaces(company, employees);
        var (leader, representative) = Contacts(company, employees);

        // Committed partners, occasional ones and sleepers: the heavy tail and the dormant years follow from it.
        var kind = anchor ? 0 : random.Weighted([45, 35, 20]);
        var dormancy = kind switch { 0 => 0.05, 1 => 0.35, _ => 0.80 };
        var commitment = kind switch { 0 => 1.5, 1 => 1.0, _ => 0.6 };
        var years = options.Until.Year - options.From.Year + 1;
        var plan = new CompanyPlan
        {
            Id = company.Id,
            Name = name,
            Section = section,
            Sector = sector,
            Employees = employees,
            Workplaces = workplaces.Select(w => new WorkplacePlan(w.Id, w.OrdinaryEmployees, w.AverageEmployees12Months, ratioRule.AllowedPlaces(w.OrdinaryEmployees))).ToArray(),
            ConsultantId = company.ResponsibleConsultantId!,
            LeaderName = leader,
            RepresentativeName = representative,
            Status = status,
            CreatedOn = membership.CreatedOn,
            JoinedOn = membership.JoinedOn,
            ActiveFrom = membership.ActiveFrom,
            ActiveUntil = membership.ActiveUntil,
            Activity = Math.Pow(employees, 0.6) * random.LogNormal(0, 0.8) * commitment,
            DormantYears = Enumerable.Range(0, years).Select(_ => random.Chance(dormancy) && !anchor).ToArray(),
            OfferKindCumulative = Cumulative(SyntheticDistributions.OfferKindWeightsFor(sector, section, employees)),
        };
        company.Workplaces = workplaces;
        return (company, plan);
    }

    private sealed record MembershipDates(DateOnly? JoinedOn, DateOnly CreatedOn, DateOnly? ActiveFrom, DateOnly? ActiveUntil);

    /// <summary>
    /// Joined since the alliance began (12 years before the end of the history; a third in its first two
    /// years); left or paused members stopped on a day after joining; prospects are recent and not members.
    /// </summary>
    private MembershipDates Membership(ref MembershipStatus status, bool anchor)
    {
        var until = options.Until;
        if (status == MembershipStatus.Prospect)
        {
            return new MembershipDates(null, random.DayBetween(until.AddMonths(-10), until.AddDays(-7)), null, null);
        }

        var allianceStart = until.AddYears(-12);
        var joined = random.Chance(0.35) || anchor
            ? random.DayBetween(allianceStart, allianceStart.AddYears(2))
            : random.DayBetween(allianceStart, until.AddMonths(-3));
        DateOnly? stopped = null;
        if (status == MembershipStatus.Left && joined.AddYears(1) < until.AddMonths(-1))
        {
            stopped = random.DayBetween(joined.AddYears(1), until.AddMonths(-1));
        }
        else if (status == MembershipStatus.Paused && joined.AddMonths(6) < until.AddMonths(-1))
        {
            var earliest = joined.AddMonths(6) > until.AddMonths(-18) ? joined.AddMonths(6) : until.AddMonths(-18);
            stopped = random.DayBetween(earliest, until.AddMonths(-1));
        }
        else
        {
            status = MembershipStatus.Active;
        }

        var activeFrom = joined > options.From ? joined : options.From;
        var activeUntil = stopped?.AddDays(-1);
        var hasActivity = activeUntil is not { } last || last >= activeFrom;
        return new MembershipDates(joined, joined.AddDays(-random.Between(0, 60)), hasActivity ? activeFrom : null, hasActivity ? activeUntil : null);
    }

    private int Size(Sector sector)
    {
        var band = SyntheticDistributions.SizeBands[random.Weighted(SyntheticDistributions.SizeBands.Select(b => b.Share).ToArray())];

        // Log-uniform within the band: as many companies of 10–11 employees as of 17–19.
        var size = (int)Math.Round(Math.Exp(Math.Log(band.Min) + (random.NextDouble() * (Math.Log(band.Max + 1) - Math.Log(band.Min)))) - 0.5);
        size = Math.Clamp(size, band.Min, band.Max);

        // Public workplaces (schools, care homes, administrations) are seldom tiny.
        return sector == Sector.Public ? Math.Max(10, size * random.Between(2, 4)) : size;
    }

    private List<Workplace> Workplaces(Company company, int employees)
    {
        var count = employees switch
        {
            < 20 => 1,
            < 50 => random.Chance(0.85) ? 1 : 2,
            < 250 => Math.Min(4, 1 + random.Poisson(0.8)),
            < 1000 => Math.Min(10, 2 + random.Poisson(2)),
            _ => Math.Min(30, 4 + random.Poisson(employees / 400.0)),
        };
        count = Math.Min(count, employees);

        // Headcounts sum to the company's size: each workplace has at least one, the main one the most.
        var weights = Enumerable.Range(0, count).Select(i => random.Exponential(i == 0 ? 2 : 1)).ToArray();
        var spare = employees - count;
        var shares = weights.Select(w => w / weights.Sum() * spare).ToArray();
        var headcounts = shares.Select(s => 1 + (int)Math.Floor(s)).ToArray();
        foreach (var i in Enumerable.Range(0, count).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i).Take(employees - headcounts.Sum()))
        {
            headcounts[i]++;
        }

        var reportedFor = new DateOnly(options.Until.Year, options.Until.Month, 1).AddMonths(-1);
        var shortName = SampleCompanyBuilder.ShortName(company.Name);
        return headcounts.Select((staff, i) =>
        {
            var postcode = i == 0 ? company.Postcode : random.Chance(0.7) ? random.Pick(aalborgPostcodes) : random.Pick(otherPostcodes);
            // Most workplaces hold or grow their staff; some shrink, and those cannot take wage subsidy (additional employment).
            var average = random.Chance(0.15)
                ? Math.Round(staff + 0.5m + (decimal)(random.NextDouble() * ((0.1 * staff) + 1)), 1)
                : Math.Round(staff - (decimal)(random.NextDouble() * 0.08 * staff), 1);
            return Sample.Workplace(company, main: i == 0, count == 1 ? shortName : $"{shortName}, {catalog.FindPostcode(postcode)!.Name}", postcode, staff, reportedFor, average, SyntheticVocabulary.CommonStreets);
        }).ToList();
    }

    private (string Leader, string? Representative) Contacts(Company company, int employees)
    {
        var used = new HashSet<string>();
        string Person(string jobTitle, bool representative) => Sample.AddContact(company, jobTitle, representative, used).Name;

        var leader = Person(company.Sector == Sector.Public ? "Leder" : employees < 10 ? "Indehaver" : employees < 50 ? "Direktør" : "HR-chef", representative: false);
        string? representative = null;
        if (employees >= 5 || random.Chance(0.6))
        {
            representative = Person(employees >= 10 ? "Tillidsrepræsentant" : "Medarbejderrepræsentant", representative: true);
        }

        if (employees >= 50)
        {
            Person(company.Sector == Sector.Public ? "Afdelingsleder" : "Produktionsleder", representative: false);
        }

        if (employees >= 250)
        {
            Person("Rekrutteringsansvarlig", representative: false);
        }

        return (leader, representative);
    }

    private string CompanyName(string section, Sector sector, string postcode)
    {
        var word = random.Pick(SyntheticVocabulary.NameWordsBySection[section]);
        var town = catalog.FindPostcode(postcode)!.Name;
        if (sector == Sector.Public)
        {
            return section switch
            {
                "P" or "Q" or "R" => $"{word} {town}",
                _ => $"{(DemoVocabulary.Towns.ContainsKey(postcode) ? "Aalborg Kommune" : "Region Nordjylland")}, {word} {town}",
            };
        }

        var owner = random.Chance(0.5) ? random.Pick(DemoVocabulary.LastNames) : random.Pick(SyntheticVocabulary.PlaceWords);
        var suffix = random.Weighted([55, 20, 5, 20]) switch { 0 => " ApS", 1 => " A/S", 2 => " I/S", _ => "" };
        return $"{owner} {word}{suffix}";
    }

    private string Street(string postcode) => Sample.Street(postcode, SyntheticVocabulary.CommonStreets);

    /// <summary>Like Identity's: 32 characters of base32.</summary>
    private string SecurityStamp()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var builder = new StringBuilder(32);
        for (var i = 0; i < 32; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static double[] Cumulative(double[] weights)
    {
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        return cumulative;
    }
}
