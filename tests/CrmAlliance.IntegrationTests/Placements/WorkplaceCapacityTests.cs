using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Placements;

/// <summary>Each workplace's free places under the ratio rule, counted as the rule counts them.</summary>
public sealed class WorkplaceCapacityTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private static readonly DateOnly Today = TestData.Today;

    [Fact]
    public async Task Free_places_today_and_ahead_count_what_the_ratio_rule_counts()
    {
        var (company, small, large) = await ArrangeAsync();
        await AddPlacementAsync(company, small, OfferKind.Internship, PlacementStatus.Active, Today.AddDays(-7), Today.AddDays(21));
        await AddPlacementAsync(company, small, OfferKind.WageSubsidy, PlacementStatus.Approved, Today.AddDays(14), Today.AddDays(60));
        // Not counted: a resource-programme participant is not employed, a proposal takes no place, an ordinary job is no placement under the rule.
        await AddPlacementAsync(company, small, OfferKind.Internship, PlacementStatus.Active, Today.AddDays(-7), Today.AddDays(21), TargetGroup.ResourceProgramme);
        await AddPlacementAsync(company, small, OfferKind.Internship, PlacementStatus.Proposed, Today, Today.AddDays(21));
        await AddPlacementAsync(company, small, OfferKind.OrdinaryJob, PlacementStatus.Active, Today, Today.AddDays(21));
        // Ended before today: not counted.
        await AddPlacementAsync(company, small, OfferKind.Internship, PlacementStatus.Active, Today.AddDays(-30), Today.AddDays(-1));

        var capacity = await CapacityAsync(company.Id, new Actor("consultant", "c@test.local", Role.Consultant, null));

        Assert.Equal(
            [
                new WorkplaceCapacity(large.Id, large.PNumber, large.Name, 60, 11, 0, 0),
                new WorkplaceCapacity(small.Id, small.PNumber, small.Name, 12, 2, 1, 2),
            ],
            capacity);
        Assert.Equal(1, capacity[1].FreeToday);
        Assert.Equal(0, capacity[1].FreeThroughout);
    }

    [Fact]
    public async Task A_company_user_reads_its_own_workplaces_and_is_refused_anothers()
    {
        var (own, _, _) = await ArrangeAsync();
        var (other, _, _) = await ArrangeAsync();
        var user = new Actor("company-user", "u@test.local", Role.Company, own.Id);

        Assert.Equal(2, (await CapacityAsync(own.Id, user)).Count);
        await Assert.ThrowsAsync<ForbiddenException>(() => CapacityAsync(other.Id, user));
    }

    private async Task<IReadOnlyList<WorkplaceCapacity>> CapacityAsync(Guid companyId, Actor actor)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkplaceCapacityQuery>().ForCompanyAsync(companyId, actor, CancellationToken.None);
    }

    private async Task<(Company Company, Workplace Small, Workplace Large)> ArrangeAsync()
    {
        await using var db = factory.NewDbContext();
        var company = new Company { Cvr = TestData.NewCvr(), Name = "Kapacitet ApS", IndustryCode = "620100", Address = "Vej 1", Postcode = "9000", CreatedAt = DateTimeOffset.UtcNow };
        var small = new Workplace { PNumber = TestData.NewPNumber(), Name = "Butikken", Address = "Vej 1", Postcode = "9000", OrdinaryEmployees = 12, EmployeesReportedFor = Today };
        var large = new Workplace { PNumber = TestData.NewPNumber(), Name = "Alle tiders fabrik", Address = "Vej 2", Postcode = "9000", OrdinaryEmployees = 60, EmployeesReportedFor = Today };
        company.Workplaces.AddRange([small, large]);
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return (company, small, large);
    }

    private async Task AddPlacementAsync(Company company, Workplace workplace, OfferKind kind, PlacementStatus status, DateOnly start, DateOnly end, TargetGroup targetGroup = TargetGroup.InsuredUnemployed)
    {
        await using var db = factory.NewDbContext();
        var candidate = new Candidate { CaseReference = TestData.NewCaseReference(), DisplayAlias = "Kandidat", Postcode = "9000", TargetGroup = targetGroup, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Candidates.Add(candidate);
        db.Placements.Add(new Placement
        {
            CandidateId = candidate.Id,
            CompanyId = company.Id,
            WorkplaceId = workplace.Id,
            OfferKind = kind,
            PlannedStart = start,
            PlannedEnd = end,
            ActualStart = status == PlacementStatus.Active ? start : null,
            Status = status,
            ProposedBy = "consultant",
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
