using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmAlliance.IntegrationTests.Vacancies;

/// <summary>The hosted service in the running Api, driven by a fake clock.</summary>
public sealed class VacancyExpiryServiceTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task The_Api_expires_an_overdue_vacancy_when_its_hourly_timer_fires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 10, 20, 0, 0, TimeSpan.Zero));
        using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        _ = app.Services;
        var vacancyId = await ArrangeOpenVacancyAsync(deadline: new DateOnly(2030, 1, 10));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(VacancyStatus.Open, await StatusAfterAsync(vacancyId, TimeSpan.FromSeconds(1)));
        clock.Advance(TimeSpan.FromHours(4));

        Assert.Equal(VacancyStatus.Expired, await StatusAfterAsync(vacancyId, TimeSpan.FromSeconds(20), until: VacancyStatus.Expired));
    }

    private async Task<Guid> ArrangeOpenVacancyAsync(DateOnly deadline)
    {
        await using var db = factory.NewDbContext();
        var company = new Company { Cvr = TestData.NewCvr(), Name = "Udløb ApS", IndustryCode = "620100", Address = "Vej 1", Postcode = "9000", MembershipStatus = MembershipStatus.Active };
        var workplace = new Workplace { CompanyId = company.Id, PNumber = TestData.NewPNumber(), Name = "Udløb", Address = "Vej 1", Postcode = "9000" };
        var vacancy = new Vacancy
        {
            CompanyId = company.Id,
            WorkplaceId = workplace.Id,
            OfferKind = OfferKind.OrdinaryJob,
            OccupationCode = "2512",
            Title = "Udvikler",
            HoursPerWeek = 37,
            StartDate = deadline.AddDays(30),
            ApplicationDeadline = deadline,
            Status = VacancyStatus.Open,
        };
        db.AddRange(company, workplace, vacancy);
        await db.SaveChangesAsync();
        return vacancy.Id;
    }

    /// <summary>Polls the stored status, since the service runs on its own schedule.</summary>
    private async Task<VacancyStatus> StatusAfterAsync(Guid vacancyId, TimeSpan wait, VacancyStatus? until = null)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            await using var db = factory.NewDbContext();
            var status = db.Vacancies.Single(v => v.Id == vacancyId).Status;
            if (status == until || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(100);
        }
    }
}
