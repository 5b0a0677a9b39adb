using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CrmAlliance.IntegrationTests.Vacancies;

/// <summary>The system's hourly expiry, called directly with a clock the test sets.</summary>
public sealed class ExpireOverdueVacanciesTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task Open_vacancies_whose_deadline_day_is_over_expire_and_nothing_else_changes()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();

        // Far enough ahead that the host's own expiry service, on the real clock, never touches these rows.
        var today = VacancyScenario.Today.AddYears(2);
        var clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var overdue = Vacancy(company, VacancyStatus.Open, today.AddDays(-1));
        var dueToday = Vacancy(company, VacancyStatus.Open, today);
        var withoutDeadline = Vacancy(company, VacancyStatus.Open, null);
        var overdueDraft = Vacancy(company, VacancyStatus.Draft, today.AddDays(-1));
        var overdueClosed = Vacancy(company, VacancyStatus.Closed, today.AddDays(-5));
        await using (var arrange = factory.NewDbContext())
        {
            arrange.Vacancies.AddRange(overdue, dueToday, withoutDeadline, overdueDraft, overdueClosed);
            await arrange.SaveChangesAsync();
        }

        await using var db = factory.NewDbContext();
        var expired = await new ExpireOverdueVacanciesHandler(db, clock).HandleAsync(CancellationToken.None);

        Assert.Equal(1, expired);
        await using var assert = factory.NewDbContext();
        var rows = assert.Vacancies.Where(v => v.CompanyId == company.CompanyGuid).ToDictionary(v => v.Id);
        Assert.Equal((VacancyStatus.Expired, 2), (rows[overdue.Id].Status, rows[overdue.Id].Version));
        Assert.Equal((VacancyStatus.Open, 1), (rows[dueToday.Id].Status, rows[dueToday.Id].Version));
        Assert.Equal(VacancyStatus.Open, rows[withoutDeadline.Id].Status);
        Assert.Equal(VacancyStatus.Draft, rows[overdueDraft.Id].Status);
        Assert.Equal(VacancyStatus.Closed, rows[overdueClosed.Id].Status);
    }

    [Fact]
    public async Task A_deadline_expires_once_the_next_day_begins()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        // A year before the other test's rows, so that neither test's clock reaches the other's deadlines.
        var deadline = VacancyScenario.Today.AddYears(1);
        // 23:30 Danish time on the deadline day.
        var clock = new FakeTimeProvider(Api.Core.DanishCalendar.StartOf(deadline.AddDays(1)).AddMinutes(-30));
        var vacancy = Vacancy(company, VacancyStatus.Open, deadline);
        await using (var arrange = factory.NewDbContext())
        {
            arrange.Vacancies.Add(vacancy);
            await arrange.SaveChangesAsync();
        }

        await using (var db = factory.NewDbContext())
        {
            Assert.Equal(0, await new ExpireOverdueVacanciesHandler(db, clock).HandleAsync(CancellationToken.None));
        }

        clock.Advance(TimeSpan.FromHours(1));
        await using (var db = factory.NewDbContext())
        {
            Assert.Equal(1, await new ExpireOverdueVacanciesHandler(db, clock).HandleAsync(CancellationToken.None));
        }

        await using var assert = factory.NewDbContext();
        Assert.Equal(VacancyStatus.Expired, assert.Vacancies.Single(v => v.Id == vacancy.Id).Status);
    }

    private static Vacancy Vacancy(CompanyAtWork company, VacancyStatus status, DateOnly? deadline) => new()
    {
        CompanyId = company.CompanyGuid,
        WorkplaceId = Api.Infrastructure.GraphQL.GlobalId.Parse(company.WorkplaceId, "Workplace", "id"),
        OfferKind = OfferKind.OrdinaryJob,
        OccupationCode = "7233",
        Title = $"Expiry {status} {deadline}",
        Positions = 1,
        HoursPerWeek = 37,
        StartDate = (deadline ?? VacancyScenario.Today.AddYears(2)).AddDays(30),
        ApplicationDeadline = deadline,
        Status = status,
        CreatedAt = DateTimeOffset.UtcNow,
        PublishedAt = status == VacancyStatus.Draft ? null : DateTimeOffset.UtcNow,
    };
}
