extern alias api;

using api::CrmAlliance.Api.Features;
using api::CrmAlliance.Api.Features.Candidates;
using api::CrmAlliance.Api.Features.Companies;
using api::CrmAlliance.Api.Features.Vacancies;
using api::CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Benchmarks.Matching;
using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.Matching.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>
/// Fills the Api's database straight through its DbContext (fast; the handlers are not what is measured here):
/// the candidate pool of the matching benchmark (<see cref="GeneratedPool"/>, deterministic) and member
/// companies with workplaces at postcodes drawn like the vacancies'. Returns the vacancies the driver posts,
/// spread over those workplaces. The generator's dates are moved so that its "today" is the real one.
/// </summary>
public sealed class PoolSeeder(int candidates, int vacancies)
{
    public const int Companies = 250;
    public const int Workplaces = 600;
    private const int ChunkSize = 5000;

    private readonly GeneratedPool _pool = new();
    private readonly DateOnly _today = DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task<IReadOnlyList<PostVacancyInput>> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var profiles = _pool.Candidates(candidates);
        for (var start = 0; start < profiles.Count; start += ChunkSize)
        {
            await SaveAsync(services, db => db.Candidates.AddRange(profiles.Skip(start).Take(ChunkSize).Select((p, i) => ToCandidate(p, start + i, now))), cancellationToken);
        }

        var companies = Enumerable.Range(0, Companies).Select(i => NewCompany(i, now)).ToList();
        var workplaces = _pool.Vacancies(Workplaces).Select((v, i) => NewWorkplace(companies[i % Companies], i, v.WorkplacePostcode)).ToList();
        await SaveAsync(
            services,
            db =>
            {
                db.Companies.AddRange(companies);
                db.Workplaces.AddRange(workplaces);
            },
            cancellationToken);

        return _pool.Vacancies(vacancies).Select((v, i) => ToInput(v, workplaces[i % workplaces.Count], i)).ToList();
    }

    private static async Task SaveAsync(IServiceProvider services, Action<CrmDbContext> add, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        add(db);
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateOnly Shift(DateOnly generated) => _today.AddDays(generated.DayNumber - GeneratedPool.Today.DayNumber);

    private Candidate ToCandidate(CandidateProfile p, int number, DateTimeOffset now) => new()
    {
        Id = p.CandidateId,
        CaseReference = $"E2E-{number:D6}",
        DisplayAlias = $"Kandidat {number:X5}",
        TargetGroup = Enum.Parse<TargetGroup>(p.TargetGroup),
        SoughtOccupations = [.. p.SoughtOccupations],
        Skills = [.. p.Skills],
        EducationLevel = Enum.Parse<EducationLevel>(p.EducationLevel),
        Postcode = p.Postcode,
        AvailableFrom = Shift(p.AvailableFrom),
        CreatedAt = now,
        UpdatedAt = now,
    };

    private Company NewCompany(int number, DateTimeOffset now) => new()
    {
        Cvr = (40_000_000 + number).ToString(),
        Name = $"Benchmark Virksomhed {number:D3} ApS",
        IndustryCode = "471100",
        Address = $"Boulevarden {number + 1}",
        Postcode = "9000",
        Sector = Sector.Private,
        MembershipStatus = MembershipStatus.Active,
        JoinedOn = _today.AddYears(-1),
        CreatedAt = now,
    };

    private Workplace NewWorkplace(Company company, int number, string postcode) => new()
    {
        CompanyId = company.Id,
        PNumber = (1_100_000_000L + number).ToString(),
        Name = $"{company.Name}, afdeling {number:D3}",
        Address = $"Industrivej {number + 1}",
        Postcode = postcode,
        OrdinaryEmployees = 20 + number % 80,
        EmployeesReportedFor = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-1),
        AverageEmployees12Months = 20 + number % 80,
    };

    private PostVacancyInput ToInput(VacancyProfile v, Workplace workplace, int number) => new(
        workplace.CompanyId,
        workplace.Id,
        Enum.Parse<OfferKind>(v.OfferKind),
        v.OccupationCode,
        $"Benchmark-stilling {number} ({v.OccupationCode})",
        "Posted by the end-to-end load driver.",
        Positions: 1,
        HoursPerWeek: 37,
        StartDate: Shift(v.StartDate),
        RequiredSkills: [.. v.RequiredSkills],
        Publish: true);
}
