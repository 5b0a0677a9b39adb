using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Yield.Targets;

/// <summary>
/// Arranges read-model rows directly: companies, facts, and the cells the projection's own
/// <see cref="YieldContributions"/> give for those facts, added to whatever cells are there already.
/// Tests that share a database keep apart by using years of their own (alliance cells are shared).
/// </summary>
internal sealed class ReadModelArrangement(CrmApiFactory factory, DateOnly? asOf = null)
{
    /// <summary>Running placements' days are booked through this day (far ahead unless given).</summary>
    public DateOnly AsOf { get; } = asOf ?? new DateOnly(2040, 12, 31);

    private readonly YieldOptions _options = factory.Services.GetRequiredService<YieldOptions>();
    private readonly YieldDeltas _deltas = new();
    private readonly List<YieldCompany> _companies = [];
    private readonly List<object> _facts = [];

    public YieldContributions Contributions => new(_options);

    /// <summary>A company as the read model knows it; pass the id of a registered company to tie them together.</summary>
    public Guid Company(string section = "C", int employees = 20, MembershipStatus status = MembershipStatus.Active, DateOnly? joinedOn = null, Guid? id = null)
    {
        var company = new YieldCompany
        {
            CompanyId = id ?? Guid.NewGuid(),
            Name = "Virksomhed " + section,
            Cvr = TestData.NewCvr(),
            IndustryCode = "000000",
            IndustrySection = section,
            OrdinaryEmployees = employees,
            MembershipStatus = status.ToString(),
            JoinedOn = joinedOn,
        };
        _companies.Add(company);
        return company.CompanyId;
    }

    /// <summary>Placements of one kind and group, started and (if given) ended on the days given, all alike.</summary>
    public ReadModelArrangement Placements(
        int count, Guid companyId, OfferKind kind, TargetGroup group, DateOnly started, DateOnly? ended = null, EndResult? result = null, bool? selfSupporting1 = null, bool? selfSupporting3 = null, bool? selfSupporting6 = null, bool? selfSupporting12 = null)
    {
        for (var i = 0; i < count; i++)
        {
            var fact = new YieldPlacementFact
            {
                PlacementId = Guid.NewGuid(),
                CompanyId = companyId,
                OfferKind = kind.ToString(),
                TargetGroup = group.ToString(),
                StartedOn = started,
                EndedOn = ended,
                EndResult = result?.ToString(),
                SelfSupporting1 = selfSupporting1,
                SelfSupporting3 = selfSupporting3,
                SelfSupporting6 = selfSupporting6,
                SelfSupporting12 = selfSupporting12,
            };
            _facts.Add(fact);
            Contributions.AddPlacement(_deltas, fact, AsOf, 1);
        }

        return this;
    }

    public ReadModelArrangement Vacancy(Guid companyId, OfferKind kind, int positions, DateOnly postedOn)
    {
        var fact = new YieldVacancyFact { VacancyId = Guid.NewGuid(), CompanyId = companyId, OfferKind = kind.ToString(), Positions = positions, PostedOn = postedOn };
        _facts.Add(fact);
        Contributions.AddVacancy(_deltas, fact, 1);
        return this;
    }

    public ReadModelArrangement Pledge(Guid companyId, DateOnly start, DateOnly end, int internships = 0, int wageSubsidyJobs = 0)
    {
        var fact = new YieldPledgeFact { PledgeId = Guid.NewGuid(), CompanyId = companyId, PeriodStart = start, PeriodEnd = end, Internships = internships, WageSubsidyJobs = wageSubsidyJobs };
        _facts.Add(fact);
        YieldContributions.AddPledge(_deltas, fact, 1);
        return this;
    }

    public ReadModelArrangement Contact(Guid companyId, DateOnly on)
    {
        var fact = new YieldContactFact { ContactLogId = Guid.NewGuid(), CompanyId = companyId, OccurredOn = on };
        _facts.Add(fact);
        YieldContributions.AddContact(_deltas, fact, 1);
        return this;
    }

    /// <summary>Stores everything with one SaveChanges; a company row the projection wrote already is overwritten.</summary>
    public async Task SaveAsync(DateOnly? daysBookedThrough = null)
    {
        await using var db = factory.NewDbContext();
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

        db.AddRange(_facts);
        foreach (var (key, change) in _deltas.Cells())
        {
            var cell = await db.YieldCells.FindAsync(key.CompanyId, key.Grain, key.PeriodStart, key.OfferKind, key.TargetGroup);
            if (cell is null)
            {
                cell = new YieldCell { CompanyId = key.CompanyId, Grain = key.Grain, PeriodStart = key.PeriodStart, OfferKind = key.OfferKind, TargetGroup = key.TargetGroup };
                db.YieldCells.Add(cell);
            }

            cell.Add(change);
        }

        var state = await db.YieldState.FindAsync(YieldState.SingletonId);
        if (state is null && daysBookedThrough is { } day)
        {
            db.YieldState.Add(new YieldState { DaysBookedThrough = day, ProjectionFingerprint = _options.ProjectionFingerprint, RebuiltAt = DateTimeOffset.UtcNow });
        }
        else if (state is not null)
        {
            state.DaysBookedThrough = daysBookedThrough ?? state.DaysBookedThrough;
            state.Version++; // as the projector does: cached reports are computed afresh
        }

        await db.SaveChangesAsync();
        _companies.Clear();
        _facts.Clear();
        _deltas.Clear();
    }
}
