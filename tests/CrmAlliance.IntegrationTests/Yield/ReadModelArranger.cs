using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Yield;

/// <summary>
/// Arranges the yield read model directly: companies and facts as given, and the cells the projection's own
/// <see cref="YieldContributions"/> and <see cref="YieldDeltas"/> give for those facts, added to whatever cells are
/// there already, so the cells are what the projection would store. Tests that share a database keep apart by
/// using years of their own (alliance cells are shared). <see cref="SaveAsync"/> may be called more than once.
/// </summary>
public sealed class ReadModelArranger(CrmApiFactory factory, DateOnly? asOf = null)
{
    private readonly YieldOptions _options = factory.Services.GetRequiredService<YieldOptions>();
    private readonly List<YieldCompany> _companies = [];
    private readonly List<Company> _rawCompanies = [];
    private readonly List<YieldPlacementFact> _placements = [];
    private readonly List<YieldVacancyFact> _vacancies = [];
    private readonly List<YieldContactFact> _contacts = [];
    private readonly List<YieldPledgeFact> _pledges = [];

    /// <summary>Running placements' days are counted through this day (far ahead unless given).</summary>
    public DateOnly AsOf { get; } = asOf ?? new DateOnly(2040, 12, 31);

    public static string IdOf(YieldCompany company) => GlobalId.Encode("Company", company.CompanyId);

    /// <summary>
    /// A company as the read model knows it (a member since 2020 unless a prospect or told otherwise); with
    /// <paramref name="raw"/> also in the Companies table (for company users); pass the <paramref name="id"/> of a
    /// registered company to tie them together.
    /// </summary>
    public YieldCompany Company(
        string? name = null, string section = "C", int employees = 20, MembershipStatus status = MembershipStatus.Active, DateOnly? joinedOn = null, string? consultantId = null, bool raw = false, Guid? id = null)
    {
        var company = new YieldCompany
        {
            CompanyId = id ?? Guid.CreateVersion7(),
            Name = name ?? "Virksomhed " + section,
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
            _rawCompanies.Add(new Company { Id = company.CompanyId, Cvr = company.Cvr, Name = company.Name, IndustryCode = "620100", Address = "Vej 1", Postcode = "9000", MembershipStatus = status, JoinedOn = company.JoinedOn });
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

    /// <summary>Placements of one kind and group, started and (if given) ended on the days given, all alike.</summary>
    public ReadModelArranger Placements(
        int count, YieldCompany company, OfferKind kind, TargetGroup group, DateOnly startedOn, DateOnly? endedOn = null, EndResult? result = null, bool? selfSupporting1 = null, bool? selfSupporting3 = null, bool? selfSupporting6 = null, bool? selfSupporting12 = null)
    {
        for (var i = 0; i < count; i++)
        {
            Placement(company, kind, group, startedOn, endedOn, result, selfSupporting1: selfSupporting1, selfSupporting3: selfSupporting3, selfSupporting6: selfSupporting6, selfSupporting12: selfSupporting12);
        }

        return this;
    }

    public ReadModelArranger Vacancy(YieldCompany company, OfferKind kind, int positions, DateOnly postedOn)
    {
        _vacancies.Add(new YieldVacancyFact { VacancyId = Guid.CreateVersion7(), CompanyId = company.CompanyId, OfferKind = kind.ToString(), Positions = positions, PostedOn = postedOn });
        return this;
    }

    public ReadModelArranger Contact(YieldCompany company, DateOnly occurredOn)
    {
        _contacts.Add(new YieldContactFact { ContactLogId = Guid.CreateVersion7(), CompanyId = company.CompanyId, OccurredOn = occurredOn });
        return this;
    }

    public ReadModelArranger Pledge(YieldCompany company, DateOnly start, DateOnly end, int ordinaryJobs = 0, int internships = 0, int wageSubsidyJobs = 0, int adultApprenticeships = 0, int flexJobs = 0, int mentors = 0)
    {
        _pledges.Add(new YieldPledgeFact
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
        return this;
    }

    /// <summary>
    /// Stores everything arranged since the last save with one SaveChanges: a company row the projection wrote
    /// already is overwritten, cells are added to. With <paramref name="daysBookedThrough"/> the state row books
    /// days through it; the state's version is raised, as the projector does, so cached reports are computed afresh.
    /// </summary>
    public async Task SaveAsync(DateOnly? daysBookedThrough = null)
    {
        var contributions = new YieldContributions(_options);
        var deltas = new YieldDeltas();
        _placements.ForEach(f => contributions.AddPlacement(deltas, f, AsOf, 1));
        _vacancies.ForEach(f => contributions.AddVacancy(deltas, f, 1));
        _contacts.ForEach(f => YieldContributions.AddContact(deltas, f, 1));

        await using var db = factory.NewDbContext();
        db.Companies.AddRange(_rawCompanies);
        foreach (var company in _companies)
        {
            if (await db.YieldCompanies.FindAsync(company.CompanyId) is { } existing)
            {
                db.Entry(existing).CurrentValues.SetValues(company);
            }
            else
            {
                db.YieldCompanies.Add(company);
            }
        }

        db.YieldPlacementFacts.AddRange(_placements);
        db.YieldVacancyFacts.AddRange(_vacancies);
        db.YieldContactFacts.AddRange(_contacts);
        db.YieldPledgeFacts.AddRange(_pledges);

        // The cells there are, tracked, so that each one found below is added to.
        await db.YieldCells.LoadAsync();
        foreach (var (key, change) in deltas.Cells())
        {
            var cell = await db.YieldCells.FindAsync(key.CompanyId, key.Grain, key.PeriodStart, key.OfferKind, key.TargetGroup);
            if (cell is null)
            {
                cell = new YieldCell { CompanyId = key.CompanyId, Grain = key.Grain, PeriodStart = key.PeriodStart, OfferKind = key.OfferKind, TargetGroup = key.TargetGroup };
                db.YieldCells.Add(cell);
            }

            cell.Add(change);
        }

        // The projection may already have written its state row at start-up.
        var state = await db.YieldState.FindAsync(YieldState.SingletonId);
        if (state is null && daysBookedThrough is { } day)
        {
            db.YieldState.Add(new YieldState { DaysBookedThrough = day, ProjectionFingerprint = _options.ProjectionFingerprint, RebuiltAt = DateTimeOffset.UtcNow });
        }
        else if (state is not null)
        {
            state.DaysBookedThrough = daysBookedThrough ?? state.DaysBookedThrough;
            state.ProjectionFingerprint = _options.ProjectionFingerprint;
            state.Version++;

            // As the projection logs its changes, so that reports kept in memory read these companies again.
            var changed = deltas.Cells().Keys.Select(k => k.CompanyId).Concat(_companies.Select(c => c.CompanyId)).Where(id => id != YieldCell.AllianceId).ToHashSet();
            db.YieldChanges.AddRange(changed.Select(companyId => new YieldChange { Version = state.Version, CompanyId = companyId }));
        }

        await db.SaveChangesAsync();
        _companies.Clear();
        _rawCompanies.Clear();
        _placements.Clear();
        _vacancies.Clear();
        _contacts.Clear();
        _pledges.Clear();
    }
}
