using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

/// <summary>
/// Arranges the yield read model directly: companies and facts as given, and cells built from those facts with
/// the projection's own YieldContributions and YieldDeltas, so the cells are what the projection would store.
/// </summary>
public sealed class YieldWorld(CrmApiFactory factory, DateOnly daysBookedThrough)
{
    private readonly List<YieldCompany> _companies = [];
    private readonly List<Company> _rawCompanies = [];
    private readonly List<YieldPlacementFact> _placements = [];
    private readonly List<YieldVacancyFact> _vacancies = [];
    private readonly List<YieldContactFact> _contacts = [];
    private readonly List<YieldPledgeFact> _pledges = [];

    public DateOnly DaysBookedThrough { get; } = daysBookedThrough;

    public IReadOnlyList<YieldPlacementFact> Placements => _placements;

    /// <summary>A company in the read model; with <paramref name="raw"/> also in the Companies table (for company users).</summary>
    public YieldCompany Company(string name, string section, int employees, MembershipStatus status = MembershipStatus.Active, DateOnly? joinedOn = null, string? consultantId = null, bool raw = false)
    {
        var company = new YieldCompany
        {
            CompanyId = Guid.CreateVersion7(),
            Name = name,
            Cvr = TestData.NewCvr(),
            IndustryCode = "000000",
            IndustrySection = section,
            OrdinaryEmployees = employees,
            MembershipStatus = status.ToString(),
            JoinedOn = status == MembershipStatus.Prospect ? null : joinedOn ?? new DateOnly(2020, 1, 1),
            ResponsibleConsultantId = consultantId,
        };
        _companies.Add(company);
        if (raw)
        {
            _rawCompanies.Add(new Company { Id = company.CompanyId, Cvr = company.Cvr, Name = name, IndustryCode = "620100", Address = "Vej 1", Postcode = "9000", MembershipStatus = status, JoinedOn = company.JoinedOn });
        }

        return company;
    }

    public YieldPlacementFact Placement(
        YieldCompany company,
        OfferKind kind,
        TargetGroup group,
        DateOnly startedOn,
        DateOnly? endedOn = null,
        EndResult? result = null,
        bool endedEarly = false,
        bool? selfSupporting1 = null,
        bool? selfSupporting3 = null,
        bool? selfSupporting6 = null,
        bool? selfSupporting12 = null)
    {
        var fact = new YieldPlacementFact
        {
            PlacementId = Guid.CreateVersion7(),
            CompanyId = company.CompanyId,
            OfferKind = kind.ToString(),
            TargetGroup = group.ToString(),
            StartedOn = startedOn,
            EndedOn = endedOn,
            EndedEarly = endedEarly,
            EndResult = result?.ToString(),
            SelfSupporting1 = selfSupporting1,
            SelfSupporting3 = selfSupporting3,
            SelfSupporting6 = selfSupporting6,
            SelfSupporting12 = selfSupporting12,
        };
        _placements.Add(fact);
        return fact;
    }

    public void Vacancy(YieldCompany company, OfferKind kind, int positions, DateOnly postedOn)
        => _vacancies.Add(new YieldVacancyFact { VacancyId = Guid.CreateVersion7(), CompanyId = company.CompanyId, OfferKind = kind.ToString(), Positions = positions, PostedOn = postedOn });

    public void Contact(YieldCompany company, DateOnly occurredOn)
        => _contacts.Add(new YieldContactFact { ContactLogId = Guid.CreateVersion7(), CompanyId = company.CompanyId, OccurredOn = occurredOn });

    public void Pledge(YieldCompany company, DateOnly start, DateOnly end, int ordinaryJobs = 0, int internships = 0, int wageSubsidyJobs = 0, int adultApprenticeships = 0, int flexJobs = 0, int mentors = 0)
        => _pledges.Add(new YieldPledgeFact
        {
            PledgeId = Guid.CreateVersion7(),
            CompanyId = company.CompanyId,
            PeriodStart = start,
            PeriodEnd = end,
            OrdinaryJobs = ordinaryJobs,
            Internships = internships,
            WageSubsidyJobs = wageSubsidyJobs,
            AdultApprenticeships = adultApprenticeships,
            FlexJobs = flexJobs,
            Mentors = mentors,
        });

    /// <summary>Writes companies, facts, their cells and the state row in one save.</summary>
    public async Task SaveAsync()
    {
        var options = factory.Services.GetRequiredService<YieldOptions>();
        var contributions = new YieldContributions(options);
        var deltas = new YieldDeltas();
        _placements.ForEach(f => contributions.AddPlacement(deltas, f, DaysBookedThrough, 1));
        _vacancies.ForEach(f => contributions.AddVacancy(deltas, f, 1));
        _contacts.ForEach(f => YieldContributions.AddContact(deltas, f, 1));
        _pledges.ForEach(f => YieldContributions.AddPledge(deltas, f, 1));

        await using var db = factory.NewDbContext();
        db.Companies.AddRange(_rawCompanies);
        db.YieldCompanies.AddRange(_companies);
        db.YieldPlacementFacts.AddRange(_placements);
        db.YieldVacancyFacts.AddRange(_vacancies);
        db.YieldContactFacts.AddRange(_contacts);
        db.YieldPledgeFacts.AddRange(_pledges);
        foreach (var (key, counts) in deltas.Cells())
        {
            var cell = new YieldCell { CompanyId = key.CompanyId, Grain = key.Grain, PeriodStart = key.PeriodStart, OfferKind = key.OfferKind, TargetGroup = key.TargetGroup };
            cell.Add(counts);
            db.YieldCells.Add(cell);
        }

        // The projection may already have written its state row at start-up; the arranged counts are as of this day.
        var state = await db.YieldState.SingleOrDefaultAsync();
        if (state is null)
        {
            db.YieldState.Add(new YieldState { DaysBookedThrough = DaysBookedThrough, ProjectionFingerprint = options.ProjectionFingerprint });
        }
        else
        {
            state.DaysBookedThrough = DaysBookedThrough;
            state.ProjectionFingerprint = options.ProjectionFingerprint;
            state.Version++; // as the projector does: cached reports are computed afresh
        }

        await db.SaveChangesAsync();
    }

    public static string IdOf(YieldCompany company) => GlobalId.Encode("Company", company.CompanyId);
}
