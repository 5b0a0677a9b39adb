using CrmAlliance.Api.Features.Companies;

namespace CrmAlliance.Api.Features.Demo;

public sealed partial class DemoDataBuilder
{
    /// <summary>A demo company with what the later steps need: its profile, when it was active, and its people.</summary>
    private sealed record DemoCompany(Company Company, DemoCompanyProfile Profile, DateOnly ActiveFrom, DateOnly ActiveUntil, CompanyContact Leader, CompanyContact? Representative)
    {
        public string ConsultantId => Company.ResponsibleConsultantId!;

        public bool HasHistory => Profile.Status != MembershipStatus.Prospect;
    }

    private List<DemoCompany> BuildCompanies()
    {
        var companies = new List<DemoCompany>();
        for (var index = 0; index < DemoCompanyProfiles.All.Count; index++)
        {
            var profile = DemoCompanyProfiles.All[index];
            var joinedOn = profile.Status switch
            {
                MembershipStatus.Prospect => (DateOnly?)null,
                MembershipStatus.Left => DayBetween(new DateOnly(2014, 1, 1), _start.AddMonths(-6)),
                _ => DayBetween(new DateOnly(2014, 1, 1), _today.AddMonths(-8)),
            };
            var activeFrom = joinedOn is { } joined && joined > _start ? joined : _start;
            var activeUntil = profile.Status switch
            {
                MembershipStatus.Paused => _today.AddDays(-Between(90, 240)),
                MembershipStatus.Left => _today.AddDays(-Between(200, 420)),
                _ => _today,
            };
            if (profile.Status == MembershipStatus.Prospect)
            {
                activeFrom = _today.AddDays(-Between(20, 150));
            }

            var company = new Company
            {
                Cvr = NewCvr(),
                Name = profile.Name,
                IndustryCode = profile.IndustryCode,
                Address = Street(profile.Postcode),
                Postcode = profile.Postcode,
                Sector = profile.Sector,
                MembershipStatus = profile.Status,
                JoinedOn = joinedOn,
                ResponsibleConsultantId = _consultants[index % _consultants.Count],
                CreatedAt = At(joinedOn is { } j && j > _start.AddDays(-30) ? j : profile.Status == MembershipStatus.Prospect ? activeFrom : _start.AddDays(-30)),
            };
            company.Workplaces = BuildWorkplaces(company, profile);
            var (leader, representative) = BuildContacts(company, profile);
            companies.Add(new DemoCompany(company, profile, activeFrom, activeUntil, leader, representative));
        }

        return companies;
    }

    private string Street(string postcode) => _sample.Street(postcode);

    private List<Workplace> BuildWorkplaces(Company company, DemoCompanyProfile profile)
    {
        var headcounts = profile.Size switch
        {
            CompanySize.Small => [Between(2, 9)],
            CompanySize.Medium => Chance(0.35) ? [Between(12, 40), Between(3, 9)] : [Between(10, 49)],
            _ => Enumerable.Range(0, Between(2, 3)).Select(i => i == 0 ? Between(45, 180) : Between(6, 60)).ToArray(),
        };
        var shortName = SampleCompanyBuilder.ShortName(profile.Name);
        var reportedFor = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-1);
        var otherPostcodes = DemoVocabulary.StreetsByPostcode.Keys.Where(p => p != profile.Postcode).ToArray();
        _random.Shuffle(otherPostcodes);
        return headcounts.Select((employees, i) =>
        {
            var postcode = i == 0 ? company.Postcode : otherPostcodes[i];
            var town = DemoVocabulary.Towns[postcode];
            // Most workplaces hold or grow their staff; some shrink, and those cannot take wage subsidy (additional employment).
            var average = Chance(0.15)
                ? employees + Between(1, 3)
                : Math.Max(0, Math.Round(employees - (decimal)(_random.NextDouble() * Math.Min(3, employees * 0.1)), 1));
            return _sample.Workplace(company, main: i == 0, headcounts.Length == 1 ? shortName : $"{shortName}, {town}", postcode, employees, reportedFor, average);
        }).ToList();
    }

    private (CompanyContact Leader, CompanyContact? Representative) BuildContacts(Company company, DemoCompanyProfile profile)
    {
        var usedNames = new HashSet<string>();
        CompanyContact Person(string jobTitle, bool representative) => _sample.AddContact(company, jobTitle, representative, usedNames);

        var leader = Person(LeaderTitle(profile), representative: false);
        if (profile.Status == MembershipStatus.Prospect)
        {
            return (leader, null);
        }

        CompanyContact? rep = null;
        if (profile.Size != CompanySize.Small || Chance(0.7))
        {
            rep = Person(profile.Size == CompanySize.Small ? "Medarbejderrepræsentant" : $"Tillidsrepræsentant ({DemoVocabulary.Union(profile.Trade)})", representative: true);
        }

        if (profile.Size != CompanySize.Small)
        {
            Person(profile.Sector == Sector.Public ? "Afdelingsleder" : Pick(["Produktionsleder", "Driftsleder", "Afdelingsleder"]), representative: false);
        }

        if (profile.Size == CompanySize.Large)
        {
            Person("Rekrutteringsansvarlig", representative: false);
        }

        return (leader, rep);
    }

    private string LeaderTitle(DemoCompanyProfile profile) => (profile.Sector, profile.Size) switch
    {
        (Sector.Public, _) => profile.Trade is Trade.ChildCare ? "Institutionsleder" : "Centerleder",
        (_, CompanySize.Small) => "Indehaver",
        (_, CompanySize.Medium) => "Direktør",
        _ => Pick(["HR-chef", "Direktør"]),
    };
}
